"""What loading a class through the ``fedora.messages`` entry points costs, ours against upstream's.

fedora-messaging loads every registered class the first time it needs one (every consumer pays
it at its first message, the CLI at every start). Each measurement runs in a fresh interpreter
that has already imported ``fedora_messaging.message`` (the cost both sides share), then loads
every entry point of one side's distributions and, as the scan does, nothing more. The script
prints the time per class of each side and their ratio, and exits non-zero when ours costs more
per class than upstream's (the target) or when a side has nothing installed.

Each side is measured as a consumer installs it, without the other: our packages are installed in
the environment; upstream's (bodhi-messages, pagure-messages, anitya-schema, ...) in a folder of
their own, ``--upstream DIR`` (``pip install --target DIR``, as the ``bench`` tox environment does),
which only the interpreters measuring upstream see. Installed together, each of our packages would
also warn about its upstream counterpart, a cost no consumer of one side pays.

    python benchmarks/load.py --upstream DIR [--runs 25]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from importlib import metadata
from pathlib import Path

GROUP = "fedora.messages"
OURS_PREFIX = "fedora-bus-schemas-"

PROBE = """
import json, sys, time
from importlib import metadata
import fedora_messaging.message
wanted = set(sys.argv[1:])
points = [p for p in metadata.entry_points(group="fedora.messages") if p.dist and p.dist.name in wanted]
start = time.perf_counter()
for point in points:
    point.load()
print(json.dumps({"seconds": time.perf_counter() - start, "classes": len(points)}))
"""


def registering(path: list[str] | None = None) -> list[str]:
    """The distributions on ``path`` (default: the environment) that register schema classes."""
    found = metadata.distributions(path=path) if path else metadata.distributions()
    return sorted({dist.metadata["Name"] for dist in found if dist.entry_points.select(group=GROUP)})


def measure(dists: list[str], extra_path: Path | None = None) -> tuple[float, int]:
    """Seconds per class in one fresh interpreter, and the number of classes."""
    env = dict(os.environ)
    if extra_path:
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(extra_path), env.get("PYTHONPATH", "")]))
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *dists], capture_output=True, text=True, check=True, env=env
    )
    measured = json.loads(result.stdout)
    return measured["seconds"] / max(measured["classes"], 1), measured["classes"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--upstream", type=Path, required=True, help="folder upstream's packages are in")
    parser.add_argument("--runs", type=int, default=25, help="fresh interpreters per side (default 25)")
    args = parser.parse_args()
    ours = [name for name in registering() if name.lower().replace("_", "-").startswith(OURS_PREFIX)]
    upstream = registering([str(args.upstream)])
    if not ours or not upstream:
        print(f"need both sides installed; ours: {ours or 'none'}, upstream: {upstream or 'none'}")
        return 2
    # The two sides alternate, so that whatever else the machine does weighs on both alike; each
    # keeps its best run, the one least disturbed.
    mine = theirs = float("inf")
    for _ in range(args.runs):
        seconds, my_classes = measure(ours)
        mine = min(mine, seconds)
        seconds, their_classes = measure(upstream, extra_path=args.upstream)
        theirs = min(theirs, seconds)
    for side, classes, dists, seconds in (
        ("ours", my_classes, ours, mine),
        ("upstream", their_classes, upstream, theirs),
    ):
        per_class_ms = f"{seconds * 1e3:.3f} ms per class"
        print(f"{side + ':':<9} {classes:>4} classes from {len(dists)} distributions, {per_class_ms}")
    verdict = "meets" if mine <= theirs else "MISSES"
    print(f"ours costs {mine / theirs:.2f}x upstream's per class; {verdict} the target (at most 1x)")
    return 0 if mine <= theirs else 1


if __name__ == "__main__":
    sys.exit(main())
