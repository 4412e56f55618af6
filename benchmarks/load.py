"""What loading a class through the ``fedora.messages`` entry points costs, ours against upstream's.

fedora-messaging loads every registered class the first time it needs one (every consumer pays
it at its first message, the CLI at every start). Each measurement runs in a fresh interpreter
that has already imported ``fedora_messaging.message`` (the cost both sides share), then loads
every entry point of one side's distributions and, as the scan does, nothing more. The script
prints the time per class of each side and their ratio, and exits non-zero when ours costs more
per class than upstream's (the target) or when a side has nothing installed.

Upstream's packages (bodhi-messages, pagure-messages, anitya-schema, ...) must be installed
beside ours, as the ``bench`` tox environment does.

    python benchmarks/load.py [--runs 25]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from importlib import metadata

GROUP = "fedora.messages"
OURS_PREFIX = "fedora-bus-schemas-"
#: Upstream schema packages that the collection replaces, by distribution name.
UPSTREAM = (
    "bodhi-messages",
    "pagure-messages",
    "anitya-schema",
    "koji-fedoramessaging-messages",
    "fedora-messaging-the-new-hotness-schema",
)

PROBE = """
import json, sys, time, warnings
warnings.simplefilter("ignore")  # both sides installed together report their clashing names
from importlib import metadata
import fedora_messaging.message
wanted = set(sys.argv[1:])
points = [p for p in metadata.entry_points(group="fedora.messages") if p.dist and p.dist.name in wanted]
start = time.perf_counter()
for point in points:
    point.load()
print(json.dumps({"seconds": time.perf_counter() - start, "classes": len(points)}))
"""


def distributions() -> tuple[list[str], list[str]]:
    """The installed distributions registering schema classes: ours, and upstream's."""
    names = {point.dist.name for point in metadata.entry_points(group=GROUP) if point.dist}
    ours = sorted(name for name in names if _normalized(name).startswith(OURS_PREFIX))
    upstream = sorted(name for name in names if _normalized(name) in UPSTREAM)
    return ours, upstream


def per_class(dists: list[str], runs: int) -> tuple[float, int]:
    """Seconds per class, the best of ``runs`` fresh interpreters (the least disturbed by other
    processes on the machine), and the number of classes."""
    timings, classes = [], 0
    for _ in range(runs):
        result = subprocess.run(
            [sys.executable, "-c", PROBE, *dists], capture_output=True, text=True, check=True
        )
        measured = json.loads(result.stdout)
        classes = measured["classes"]
        timings.append(measured["seconds"] / max(classes, 1))
    return min(timings), classes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=25, help="fresh interpreters per side (default 25)")
    args = parser.parse_args()
    ours, upstream = distributions()
    if not ours or not upstream:
        print(f"need both sides installed; ours: {ours or 'none'}, upstream: {upstream or 'none'}")
        return 2
    mine, my_classes = per_class(ours, args.runs)
    theirs, their_classes = per_class(upstream, args.runs)
    for side, classes, dists, seconds in (
        ("ours", my_classes, ours, mine),
        ("upstream", their_classes, upstream, theirs),
    ):
        per_class_ms = f"{seconds * 1e3:.3f} ms per class"
        print(f"{side + ':':<9} {classes:>4} classes from {len(dists)} distributions, {per_class_ms}")
    verdict = "meets" if mine <= theirs else "MISSES"
    print(f"ours costs {mine / theirs:.2f}x upstream's per class; {verdict} the target (at most 1x)")
    return 0 if mine <= theirs else 1


def _normalized(name: str) -> str:
    return name.lower().replace("_", "-")


if __name__ == "__main__":
    sys.exit(main())
