"""How much faster our ``validate()`` is than fedora-messaging's ``Message.validate``.

Both run in this process on the same message instances (every bundled sample of every installed
package); the script prints the time per message of each and their ratio, and exits non-zero
when the overall ratio is below the target.

    python benchmarks/validate.py [--target 20] [--rounds 5]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault(
    "FEDORA_MESSAGING_CONF", str(Path(__file__).resolve().parent.parent / "tests" / "fedora-messaging.toml")
)

from fedora_messaging.message import Message

from fedora_bus_schemas_core import samples


def per_message(validate: Callable[[Message], None], messages: list[Message], rounds: int) -> float:
    """Best-of-``rounds`` seconds per message for validating all ``messages`` once."""
    timings = []
    for _ in range(rounds):
        start = time.perf_counter()
        for message in messages:
            validate(message)
        timings.append((time.perf_counter() - start) / len(messages))
    return min(timings)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--target", type=float, default=20.0, help="minimum speed-up (default 20)")
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    groups: dict[str, list[Message]] = {}
    for sample in samples.load_all():
        groups.setdefault(sample.schema_name, []).append(sample.message())
    if not groups:
        print("no package of the collection is installed", file=sys.stderr)
        return 2

    print(f"{'schema name':<34} {'fedora-messaging':>17} {'ours':>10} {'speed-up':>9}")
    ratios = []
    for name, messages in sorted(groups.items()):
        for message in messages:  # warm: build each class's validators once
            message.validate()
        theirs = per_message(Message.validate, messages, args.rounds)
        ours = per_message(lambda message: message.validate(), messages, args.rounds * 20)
        ratios.append(theirs / ours)
        print(f"{name:<34} {theirs * 1e6:>14.1f} µs {ours * 1e6:>7.1f} µs {theirs / ours:>8.1f}x")
    overall = statistics.geometric_mean(ratios)
    verdict = "meets" if overall >= args.target else "MISSES"
    print(f"\noverall (geometric mean): {overall:.1f}x faster; {verdict} the {args.target:g}x target")
    return 0 if overall >= args.target else 1


if __name__ == "__main__":
    sys.exit(main())
