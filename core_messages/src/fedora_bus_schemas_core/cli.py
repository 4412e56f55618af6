"""``fedora-bus-schemas``: validate messages against the installed schemas, list the schemas."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from typing import TextIO

from . import __version__, asyncapi, bundle, conflicts, registry, samples, tap
from .checks import Outcome, check_message, report, verdicts
from .inputs import read_records


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    return args.run(args, sys.stdout)


def build_parser() -> argparse.ArgumentParser:
    """The command's argument parser (also rendered into the documentation)."""
    parser = argparse.ArgumentParser(
        prog="fedora-bus-schemas",
        description="Validate Fedora message bodies against the installed fedora-bus-schemas packages.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    validate = commands.add_parser(
        "validate",
        help="validate messages (every bundled sample when no FILE is given)",
        description=(
            "Validate each record of the FILEs ('-' for standard input): a {topic, body} object, "
            "a fedora-messaging serialized message, a fedmsg-style {topic, msg} message, a "
            "datagrepper answer (a message, or a page of its search with every message in it), "
            "or a bare body with --topic. The schema named by a message's headers is used when "
            "one is installed, else the topic's. A FILE holds one JSON value, a JSON array of "
            "records, or JSON Lines. With no FILE, every sample shipped with the installed "
            "packages is validated."
        ),
    )
    validate.add_argument("files", nargs="*", metavar="FILE")
    validate.add_argument("--topic", help="treat every record as a bare body of this topic")
    validate.add_argument("-q", "--quiet", action="store_true", help="print only problems and the total")
    validate.set_defaults(run=_run_validate)

    listing = commands.add_parser("list", help="list the installed topics and schema names")
    listing.add_argument("--json", action="store_true", help="print JSON instead of a table")
    listing.set_defaults(run=_run_list)
    asyncapi.add_parser(commands)
    bundle.add_parser(commands)
    tap.add_parser(commands)
    return parser


def _run_validate(args: argparse.Namespace, out: TextIO) -> int:
    if args.files:
        outcomes = (
            outcome
            for source in args.files
            for record in read_records(source)
            for outcome in verdicts(record, args.topic, summaries=not args.quiet)
        )
    else:
        outcomes = _check_samples()
    return report(outcomes, out, quiet=args.quiet)


def _check_samples() -> Iterator[Outcome]:
    for sample in samples.load_all():
        yield check_message(
            f"sample {sample.schema_name}/{sample.name}", sample.cls, sample.body, headers=None
        )


def _run_list(args: argparse.Namespace, out: TextIO) -> int:
    rows = [
        {
            "topic": schema.topic,
            "schema_name": name,
            "class": schema.import_path,
            "distribution": schema.distribution,
            "version": schema.version,
            "deprecated": schema.cls.deprecated,
        }
        for name, schema in registry.registered().items()
    ]
    clashes = conflicts.conflicts()
    if args.json:
        json.dump({"schemas": rows, "conflicts": clashes}, out, indent=2)
        out.write("\n")
        return 0
    headings = {"topic": "TOPIC", "schema_name": "SCHEMA NAME", "class": "CLASS", "distribution": "PACKAGE"}
    table = [headings] + [
        {
            **row,
            "distribution": f"{row['distribution']} {row['version']}",
            "schema_name": row["schema_name"] + (" (deprecated)" if row["deprecated"] else ""),
        }
        for row in rows
    ]
    widths = {key: max(len(str(row[key])) for row in table) for key in headings}
    for row in table:
        out.write("  ".join(f"{row[key]:<{widths[key]}}" for key in headings).rstrip() + "\n")
    for name, owners in clashes.items():
        out.write(f"warning: schema name {name} is registered by {', '.join(owners)}; only one is used\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
