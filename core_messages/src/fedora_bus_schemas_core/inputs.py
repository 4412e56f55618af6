"""Reading the records the command line validates: JSON files, JSON Lines and standard input.

A malformed record becomes a :class:`Record` with an ``error`` instead of stopping the run. JSON
Lines (and standard input) are read as a stream, one line at a time, so a file of any size is
read in bounded memory. The JSON accepted is strict: what Python's ``json`` would read
differently from other programs on the bus (duplicate keys, ``NaN``, numbers out of range,
nesting deeper than parsers allow) is an error naming what is wrong.
"""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import IO, Any

try:
    import orjson
except ImportError:  # pragma: no cover - platforms without an orjson wheel parse with json alone
    orjson = None

JSON_LINES_SUFFIXES = (".jsonl", ".ndjson")
#: A longer line is reported as an error without being held in memory.
MAX_LINE_BYTES = 64 * 1024 * 1024
#: Integers beyond 64 bits (and numbers beyond a double) are read differently, or not at all,
#: by other JSON parsers.
INTEGER_RANGE = (-(2**63), 2**64 - 1)

# A literal of an integer outside INTEGER_RANGE has 19 digits in a row or more; orjson would read
# it as a float. This translation finds such a run in one pass, strings included (then json reads
# the line, which costs only time).
_DIGITS_AS_ZERO = bytes(ord("0") if ord("0") <= byte <= ord("9") else ord("x") for byte in range(256))
_LONG_DIGIT_RUN = b"0" * 19


@dataclass(frozen=True)
class Record:
    """One parsed JSON value and where it came from, or the reason it could not be parsed."""

    location: str
    value: Any = None
    error: str | None = None


class InputError(ValueError):
    """A JSON text that cannot be used, with a message that says why."""


def loads(data: bytes) -> Any:
    """Parse one UTF-8 JSON text strictly.

    Raises:
        InputError: invalid UTF-8 or JSON, a duplicate key, ``NaN``/``Infinity``, a number out
            of range, or nesting too deep.
    """
    if orjson is not None and _LONG_DIGIT_RUN not in data.translate(_DIGITS_AS_ZERO):
        try:
            value = orjson.loads(data)
        except orjson.JSONDecodeError:
            pass  # json says what exactly is wrong
        else:
            # orjson keeps the last of duplicate keys silently. Without an escaped colon
            # (\u003a) in the text, each colon is a key's or one in a string; re-encoding the
            # value drops the duplicates' colons, so equal counts mean every key was unique.
            escaped = b"\\" in data and b"\\u003" in data
            if not escaped and data.count(b":") == orjson.dumps(value).count(b":"):
                return value
    return _loads_exactly(data)


def _loads_exactly(data: bytes) -> Any:
    try:
        text = data.decode("utf-8").rstrip("\r\n")  # errors at the end of a line stay on it
    except UnicodeDecodeError as error:
        raise InputError(
            f"invalid UTF-8: byte 0x{data[error.start]:02x} at byte {error.start + 1} ({error.reason})"
        ) from None
    try:
        return _STRICT.decode(text)
    except json.JSONDecodeError as error:
        # json reports an unclosed string where the string starts: the text ended inside it.
        ended = error.pos >= len(text.rstrip()) or error.msg.startswith("Unterminated string")
        hint = " (the text ends before the JSON value does: truncated?)" if ended else ""
        raise InputError(
            f"invalid JSON: {error.msg} at line {error.lineno}, column {error.colno}{hint}"
        ) from None
    except RecursionError:
        raise InputError("invalid JSON: nested too deeply to be read") from None


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    value = dict(pairs)
    if len(value) != len(pairs):
        seen: set[str] = set()
        duplicate = next(key for key, _ in pairs if key in seen or seen.add(key))
        raise InputError(f"invalid JSON: duplicate key {duplicate!r} in an object")
    return value


def _refuse_constant(name: str) -> Any:
    raise InputError(f"invalid JSON: {name} is not a JSON number")


def _checked_int(literal: str) -> int:
    if len(literal) <= 20:
        number = int(literal)
        if INTEGER_RANGE[0] <= number <= INTEGER_RANGE[1]:
            return number
    shown = literal if len(literal) <= 30 else f"{literal[:12]}...{literal[-6:]} ({len(literal)} digits)"
    raise InputError(f"invalid JSON: the integer {shown} is outside the 64-bit range")


def _checked_float(literal: str) -> float:
    number = float(literal)
    if number in (float("inf"), float("-inf")):
        raise InputError(f"invalid JSON: the number {literal[:30]} is too large for a double")
    return number


_STRICT = json.JSONDecoder(
    object_pairs_hook=_unique_keys,
    parse_constant=_refuse_constant,
    parse_int=_checked_int,
    parse_float=_checked_float,
)


def read_records(source: str) -> Iterator[Record]:
    """The records in a file (``-`` is standard input), read as they are needed.

    A document that parses as a whole is one record, or one per item if it is an array;
    otherwise (and always for ``.jsonl``) each non-blank line is a record of its own.
    """
    name = "<stdin>" if source == "-" else source
    try:
        stream = sys.stdin.buffer if source == "-" else open(source, "rb")  # noqa: SIM115
    except (OSError, AttributeError) as error:
        yield Record(name, error=f"cannot read input: {_reason(error)}")
        return
    try:
        yield from _records(name, stream, as_lines=source.endswith(JSON_LINES_SUFFIXES))
    finally:
        if source != "-":
            stream.close()


def _records(name: str, stream: IO[bytes], as_lines: bool) -> Iterator[Record]:
    lines = _lines(name, stream)
    first = next(lines, None)
    if first is None:
        yield Record(name, error="empty input: no JSON in it")
        return
    number, line = first
    if as_lines or isinstance(line, Record):
        yield from _parsed(name, [first])
        yield from _parsed(name, lines)
        return
    try:
        value = loads(line)
    except InputError:
        # Not a JSON text on its own: the first line of a document spread over several lines
        # (blank lines before it are kept as such, for the line numbers of errors).
        yield from _document(name, b"\n" * (number - 1) + line + stream.read())
        return
    second = next(lines, None)
    if second is None:
        yield from _document_records(name, value)
        return
    yield Record(f"{name}:{number}", value)
    yield from _parsed(name, [second])
    yield from _parsed(name, lines)


def _document(name: str, content: bytes) -> Iterator[Record]:
    try:
        value = loads(content)
    except InputError as error:
        yield Record(name, error=str(error))
        return
    yield from _document_records(name, value)


def _document_records(name: str, value: Any) -> Iterator[Record]:
    if isinstance(value, list):
        for index, item in enumerate(value):
            yield Record(f"{name}[{index}]", item)
    else:
        yield Record(name, value)


def _parsed(name: str, lines: Iterable[tuple[int, bytes | Record]]) -> Iterator[Record]:
    for number, line in lines:
        if isinstance(line, Record):
            yield line
            continue
        try:
            yield Record(f"{name}:{number}", loads(line))
        except InputError as error:
            yield Record(f"{name}:{number}", error=str(error))


def _lines(name: str, stream: IO[bytes]) -> Iterator[tuple[int, bytes | Record]]:
    """The non-blank lines with their numbers; a read failure or an over-long line is a Record."""
    number = 0
    try:
        for line in iter(functools.partial(stream.readline, MAX_LINE_BYTES), b""):
            number += 1
            if len(line) == MAX_LINE_BYTES and not line.endswith(b"\n"):
                rest = line
                while len(rest) == MAX_LINE_BYTES and not rest.endswith(b"\n"):
                    rest = stream.readline(MAX_LINE_BYTES)  # skipped, never held whole
                yield number, Record(f"{name}:{number}", error=f"line longer than {MAX_LINE_BYTES} bytes")
            elif not line.isspace():
                yield number, line
    except OSError as error:
        yield number + 1, Record(f"{name}:{number + 1}", error=f"cannot read input: {_reason(error)}")


def _reason(error: Exception) -> str:
    return getattr(error, "strerror", None) or str(error)
