"""Reading the records the command line validates: JSON files, JSON Lines and standard input.

A malformed record becomes a :class:`Record` with an ``error`` instead of stopping the run.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

JSON_LINES_SUFFIXES = (".jsonl", ".ndjson")


@dataclass(frozen=True)
class Record:
    """One parsed JSON value and where it came from, or the reason it could not be parsed."""

    location: str
    value: Any = None
    error: str | None = None


def read_records(source: str) -> Iterator[Record]:
    """The records in a file (``-`` is standard input).

    A document that parses as a whole is one record, or one per item if it is an array;
    otherwise (and always for ``.jsonl``) each non-blank line is a record of its own.
    """
    name = "<stdin>" if source == "-" else source
    try:
        content = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        yield Record(name, error=f"cannot read input: {_reason(error)}")
        return
    if not source.endswith(JSON_LINES_SUFFIXES):
        try:
            document = json.loads(content)
        except json.JSONDecodeError as error:
            if not _looks_like_json_lines(content):
                yield Record(name, error=f"invalid JSON: {_decode_error(error)}")
                return
        else:
            if isinstance(document, list):
                for index, value in enumerate(document):
                    yield Record(f"{name}[{index}]", value)
            else:
                yield Record(name, document)
            return
    yield from _read_lines(name, content)


def _read_lines(name: str, content: str) -> Iterator[Record]:
    for number, line in enumerate(content.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield Record(f"{name}:{number}", json.loads(line))
        except json.JSONDecodeError as error:
            yield Record(f"{name}:{number}", error=f"invalid JSON: {_decode_error(error)}")


def _looks_like_json_lines(content: str) -> bool:
    first = next((line for line in content.splitlines() if line.strip()), "")
    try:
        json.loads(first)
    except json.JSONDecodeError:
        return False
    return True


def _decode_error(error: json.JSONDecodeError) -> str:
    return f"{error.msg} at line {error.lineno}, column {error.colno}"


def _reason(error: Exception) -> str:
    return getattr(error, "strerror", None) or str(error)
