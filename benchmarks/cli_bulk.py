"""How fast ``fedora-bus-schemas validate -q`` reads a large JSON Lines file, against json.loads.

The script writes a JSON Lines file of N records (20,000 by default) in a temporary directory:
every bundled sample of every installed package, over and over in a shuffled order, half as
``{topic, body}`` records with the production topic prefix, half as fedora-messaging serialized
messages (what ``fedora-messaging record`` writes, headers included). In one run it then measures

- the floor: ``json.loads`` of every line of that file, in this process (file reading included);
- the command as a user runs it: ``fedora-bus-schemas validate -q FILE`` in a subprocess;
- the command's fixed cost: the same command on the file's first records, one per sample (Python,
  the imports of fedora-messaging, jsonschema and pika, the scan of the installed classes, reading
  and compiling every schema);

each the best of several interleaved rounds, in CPU time (user + system), which a busy machine
disturbs far less than wall-clock time (shown too). The speed of bulk validation, the cost of
each further record once every schema is in use, is the command's time less its fixed cost per
record beyond those first ones; the script prints it as a share of the floor's speed and exits
non-zero when it is below the target (40%). The end-to-end share, fixed cost included, is printed
too: on 20,000 records the fixed cost alone is about as much as the whole floor.

    python benchmarks/cli_bulk.py [--records 20000] [--rounds 10] [--target 40]
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault(
    "FEDORA_MESSAGING_CONF", str(Path(__file__).resolve().parent.parent / "tests" / "fedora-messaging.toml")
)

from fedora_messaging.message import dumps

from fedora_bus_schemas_core import samples


@dataclass(frozen=True)
class Timing:
    """Best-of-rounds CPU and wall-clock seconds."""

    cpu: float
    wall: float


def write_records(path: Path, count: int) -> tuple[set[str], int]:
    """``count`` records from every sample of every installed package, over and over; the apps
    they cover and the number of samples (the first records, one per sample)."""
    every = list(samples.load_all())
    random.Random(0).shuffle(every)
    with path.open("w", encoding="utf-8") as out:
        for index, sample in enumerate(itertools.islice(itertools.cycle(every), count)):
            if index % 2:
                cls = sample.cls
                out.write(json.dumps({"topic": cls.topic_prefix + cls.topic, "body": sample.body}) + "\n")
            else:
                out.write(dumps(sample.message()))
    apps = {sample.cls.__module__.partition(".")[0].removeprefix("fedora_bus_schemas_") for sample in every}
    return apps, len(every)


def floor(path: Path) -> None:
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            json.loads(line)


def in_process(path: Path) -> tuple[float, float]:
    cpu, wall = time.process_time(), time.perf_counter()
    floor(path)
    return time.process_time() - cpu, time.perf_counter() - wall


def command(path: Path, expected: int) -> tuple[float, float]:
    """One run of the installed command on ``path``; its CPU (user + system) and wall time."""
    script = Path(sys.executable).with_name("fedora-bus-schemas")
    argv = [str(script)] if script.exists() else [sys.executable, "-m", "fedora_bus_schemas_core.cli"]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = time.perf_counter()
    done = subprocess.run([*argv, "validate", "-q", str(path)], capture_output=True, text=True, check=False)
    wall = time.perf_counter() - wall
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    summary = f"{expected} message{'' if expected == 1 else 's'}: {expected} valid, 0 invalid, 0 unreadable"
    if done.returncode != 0 or done.stdout.strip() != summary:
        raise SystemExit(f"unexpected result from {' '.join(argv)}:\n{done.stdout}{done.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--target", type=float, default=40.0, help="minimum bulk speed share, in %%")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="fbs-bulk-") as folder:
        path, first = Path(folder) / "records.jsonl", Path(folder) / "first.jsonl"
        apps, warm = write_records(path, args.records)
        with path.open(encoding="utf-8") as lines:
            first.write_text("".join(itertools.islice(lines, warm)), encoding="utf-8")
        size = path.stat().st_size
        print(f"{args.records} records, {size / 1e6:.1f} MB, of {len(apps)} apps: {', '.join(sorted(apps))}")

        runs: dict[str, list[tuple[float, float]]] = {"floor": [], "command": [], "fixed": []}
        for _ in range(args.rounds):  # interleaved, so that a busy moment hits all three alike
            runs["floor"].append(in_process(path))
            runs["command"].append(command(path, args.records))
            runs["fixed"].append(command(first, warm))
    low = {name: Timing(min(c for c, _ in found), min(w for _, w in found)) for name, found in runs.items()}

    floor_cpu, command_cpu, fixed_cpu = low["floor"].cpu, low["command"].cpu, low["fixed"].cpu
    per_line = floor_cpu / args.records
    per_record = (command_cpu - fixed_cpu) / (args.records - warm)
    for label, timing, rate in [
        ("json.loads floor", low["floor"], per_line),
        ("validate -q", low["command"], command_cpu / args.records),
        (f"  first {warm} records", low["fixed"], None),
    ]:
        shown = f"{rate * 1e6:6.1f} µs/record" if rate else ""
        print(f"{label:<22} {timing.cpu:6.3f} s CPU ({timing.wall:6.3f} s wall)  {shown}")
    bulk = 100 * per_line / per_record
    share = 100 * floor_cpu / command_cpu
    verdict = "meets" if bulk >= args.target else "MISSES"
    print(f"\nbulk validation: {per_record * 1e6:.1f} µs per further record", end=", ")
    print(f"{bulk:.0f}% of the json.loads speed; {verdict} the {args.target:g}% target")
    print(f"end to end, fixed cost included: {share:.0f}% of the json.loads speed")
    return 0 if bulk >= args.target else 1


if __name__ == "__main__":
    sys.exit(main())
