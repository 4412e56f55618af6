"""Check an installed distribution of the collection the way a user gets it.

Run inside a fresh virtual environment holding only that distribution and its dependencies:
every entry point it declares resolves through ``fedora_messaging.message.get_class`` to its class,
and every class finds its schema file and samples, which validate.

    python tools/wheel_smoke.py fedora-bus-schemas-greenwave
"""

from __future__ import annotations

import sys
from importlib import metadata

from fedora_messaging.message import Message, get_class

from fedora_bus_schemas_core import resources, samples


def check(distribution: str) -> list[str]:
    """Problems found with ``distribution``; empty when it works."""
    problems = []
    entry_points = [
        ep for ep in metadata.distribution(distribution).entry_points if ep.group == "fedora.messages"
    ]
    for entry_point in entry_points:
        cls = get_class(entry_point.name)
        if cls is Message or cls is not entry_point.load():
            problems.append(f"{entry_point.name}: get_class does not resolve it")
            continue
        schema_file = (
            resources.package_files(cls.__module__) / resources.SCHEMAS_DIR / f"{entry_point.name}.json"
        )
        if not schema_file.is_file():
            problems.append(f"{entry_point.name}: schema file missing from the wheel")
        loaded = samples.load(cls)
        if not loaded:
            problems.append(f"{entry_point.name}: no samples in the wheel")
        for sample in loaded:
            sample.message().validate()
    print(f"{distribution}: {len(entry_points)} schema names checked, {len(problems)} problems")
    return problems


def main(distributions: list[str]) -> int:
    problems = [problem for distribution in distributions for problem in check(distribution)]
    for problem in problems:
        print(f"  {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
