"""Peak memory of ``fedora-bus-schemas validate -q`` on a large JSON Lines file: it stays bounded.

The script writes a JSON Lines file of about SIZE megabytes (1024 by default; CI uses a smaller
one) in the temporary directory, cycling through every bundled sample of every installed package
(half ``{topic, body}`` records, half fedora-messaging serialized messages), then runs the
command on it as a file and as standard input, and on a small file of the same records for
comparison. It prints each run's peak resident memory (the kernel's ``ru_maxrss`` of that process
alone) and exits non-zero when reading the large input costs more than ``--limit`` megabytes over
the small one, or when a record is not reported valid.

    python benchmarks/cli_memory.py [--size-mb 1024] [--limit 64] [--keep]
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault(
    "FEDORA_MESSAGING_CONF", str(Path(__file__).resolve().parent.parent / "tests" / "fedora-messaging.toml")
)

from fedora_messaging.message import dumps

from fedora_bus_schemas_core import samples

SMALL_RECORDS = 2_000


def sample_lines() -> list[bytes]:
    lines = []
    for index, sample in enumerate(samples.load_all()):
        cls = sample.cls
        if index % 2:
            lines.append(json.dumps({"topic": cls.topic_prefix + cls.topic, "body": sample.body}) + "\n")
        else:
            lines.append(dumps(sample.message()))
    return [line.encode("utf-8") for line in lines]


def write(path: Path, lines: list[bytes], size: int) -> int:
    """Write records until the file holds ``size`` bytes; the number of records written."""
    written = count = 0
    with path.open("wb") as out:
        for line in itertools.cycle(lines):
            if written >= size:
                return count
            out.write(line)
            written += len(line)
            count += 1
    raise AssertionError("unreachable")


def peak(path: Path, count: int, stdin: bool = False) -> tuple[float, float]:
    """Run the command on ``path`` (or on it as standard input): its peak RSS in MB, wall seconds."""
    script = Path(sys.executable).with_name("fedora-bus-schemas")
    argv = [str(script)] if script.exists() else [sys.executable, "-m", "fedora_bus_schemas_core.cli"]
    argv += ["validate", "-q", "-" if stdin else str(path)]
    start = time.perf_counter()
    with path.open("rb") as source, tempfile.TemporaryFile() as output:
        process = subprocess.Popen(argv, stdin=source if stdin else subprocess.DEVNULL, stdout=output)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        output.seek(0)
        text = output.read().decode()
    wall = time.perf_counter() - start
    expected = f"{count} messages: {count} valid, 0 invalid, 0 unreadable"
    if process.returncode != 0 or text.strip() != expected:
        raise SystemExit(f"unexpected result from {' '.join(argv)}: {text[-500:]}")
    return usage.ru_maxrss / 1024, wall  # Linux reports kilobytes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, default=1024, help="size of the large file (default 1024)")
    parser.add_argument("--limit", type=float, default=64, help="allowed growth over the small file, in MB")
    parser.add_argument("--keep", action="store_true", help="keep the generated files")
    args = parser.parse_args()

    lines = sample_lines()
    if not lines:
        print("no package of the collection is installed", file=sys.stderr)
        return 2
    folder = Path(tempfile.mkdtemp(prefix="fbs-memory-"))
    try:
        small, large = folder / "small.jsonl", folder / "large.jsonl"
        first = itertools.islice(itertools.cycle(lines), SMALL_RECORDS)
        small_count = write(small, lines, sum(len(line) for line in first))
        large_count = write(large, lines, int(args.size_mb * 1024 * 1024))
        print(f"large file: {large.stat().st_size / 2**20:.0f} MB, {large_count} records (in {folder})")
        baseline, _ = peak(small, small_count)
        results = {
            f"{small_count} records, file": (baseline, None),
            f"{large_count} records, file": peak(large, large_count),
            f"{large_count} records, standard input": peak(large, large_count, stdin=True),
        }
    finally:
        if not args.keep:
            for path in folder.iterdir():
                path.unlink()
            folder.rmdir()
    worst = max(rss for rss, _ in results.values())
    for label, (rss, wall) in results.items():
        rate = f", {large_count / wall:,.0f} records/s" if wall else ""
        print(f"{label:<40} peak RSS {rss:7.1f} MB{rate}")
    growth = worst - baseline
    verdict = "bounded" if growth <= args.limit else "NOT bounded"
    print(
        f"\nreading {args.size_mb:g} MB costs {growth:+.1f} MB over {small_count} records: {verdict} "
        f"(limit {args.limit:g} MB)"
    )
    return 0 if growth <= args.limit else 1


if __name__ == "__main__":
    sys.exit(main())
