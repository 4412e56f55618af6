"""No ``pattern`` of any schema can backtrack catastrophically on what a producer sends.

fedora-messaging validates with the ``jsonschema`` library, which matches ``pattern`` and
``patternProperties`` with Python's backtracking ``re``: a pattern such as ``^(a+)+$`` takes
exponential time on ``aaaa…!`` and one bad message would stall every consumer validating it.
Each pattern of every installed class gets attack strings made from its own structure (for every
repetition: what leads to it, what it repeats, many times, then a character that makes the match
fail) in a child process, which must finish them all within a time bound.
"""

from __future__ import annotations

import multiprocessing
import re
import time
from collections.abc import Iterator
from typing import Any

import pytest

from fedora_bus_schemas_core import registry

try:  # Python 3.11+
    from re import _parser as sre_parse  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - Python 3.9 and 3.10
    import sre_parse  # type: ignore[no-redef]

#: Seconds all attack strings of one pattern may take together, child process start-up included.
LIMIT = 3.0
#: How many times the repeated part is pumped: exponential blow-ups show at the first sizes,
#: quadratic and worse ones at the last (a message may carry strings of this size and more).
PUMPS = (8, 16, 32, 64, 1_000, 10_000)
#: Characters that commonly end a match attempt in failure.
FAILING_TAILS = ("", "!", "\x00", "\n", " ", "a", "A", "0", "-", ".", "/", "é")
#: Characters tried as members of character classes, categories and ``.``.
PROBES = "a0A_ -./:z9Z\t!é"

_REPEATS = {sre_parse.MAX_REPEAT, sre_parse.MIN_REPEAT, getattr(sre_parse, "POSSESSIVE_REPEAT", None)}
_CATEGORY_TESTS = {
    sre_parse.CATEGORY_DIGIT: str.isdigit,
    sre_parse.CATEGORY_NOT_DIGIT: lambda char: not char.isdigit(),
    sre_parse.CATEGORY_SPACE: str.isspace,
    sre_parse.CATEGORY_NOT_SPACE: lambda char: not char.isspace(),
    sre_parse.CATEGORY_WORD: lambda char: char.isalnum() or char == "_",
    sre_parse.CATEGORY_NOT_WORD: lambda char: not (char.isalnum() or char == "_"),
}


def schema_patterns() -> dict[str, list[str]]:
    """Every ``pattern`` and ``patternProperties`` key of every installed class, with where it is."""
    found: dict[str, list[str]] = {}

    def walk(node: Any, where: str) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "pattern" and isinstance(value, str):
                    found.setdefault(value, []).append(where)
                elif key == "patternProperties" and isinstance(value, dict):
                    for pattern in value:
                        found.setdefault(pattern, []).append(f"{where}/patternProperties")
                walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for index, item in enumerate(node):
                walk(item, f"{where}/{index}")

    for schema in registry.registered().values():
        walk(schema.cls.body_schema, schema.name)
    return found


# Attack strings from the parsed pattern.


def _in_set(items: list[tuple[Any, Any]], char: str) -> bool:
    negate = bool(items) and items[0][0] == sre_parse.NEGATE
    hit = False
    for op, value in items[1:] if negate else items:
        if op == sre_parse.LITERAL:
            hit = hit or ord(char) == value
        elif op == sre_parse.RANGE:
            hit = hit or value[0] <= ord(char) <= value[1]
        elif op == sre_parse.CATEGORY:
            hit = hit or _CATEGORY_TESTS.get(value, lambda _char: False)(char)
    return hit != negate


def _members(op: Any, value: Any) -> list[str]:
    """Characters a one-character node matches: the class's own literals and bounds, and probes."""
    if op == sre_parse.LITERAL:
        return [chr(value)]
    if op == sre_parse.NOT_LITERAL:
        return [char for char in PROBES if ord(char) != value][:4]
    if op == sre_parse.ANY:
        return list(PROBES)
    if op == sre_parse.IN:
        own = [chr(v) for o, v in value if o == sre_parse.LITERAL]
        own += [
            chr(bound) for o, v in value if o == sre_parse.RANGE for bound in (v[0], (v[0] + v[1]) // 2, v[1])
        ]
        return [char for char in dict.fromkeys(own + list(PROBES)) if _in_set(value, char)]
    if op == sre_parse.CATEGORY:
        return [char for char in PROBES if _CATEGORY_TESTS.get(value, lambda _char: False)(char)]
    return []


def _example(nodes: Any) -> str:
    """One string the node sequence matches (assertions, anchors and back-references aside)."""
    out = []
    for op, value in nodes:
        if op in _REPEATS:
            out.append(_example(value[2]) * value[0])
        elif op == sre_parse.SUBPATTERN:
            out.append(_example(value[-1]))
        elif op == sre_parse.BRANCH:
            out.append(_example(value[1][0]))
        elif op == getattr(sre_parse, "ATOMIC_GROUP", None):
            out.append(_example(value))
        else:
            members = _members(op, value)
            out.append(members[0] if members else "")
    return "".join(out)


def _pumps(body: Any) -> list[str]:
    """What a repetition's body is tried with: an example of it and each first character."""
    pumps = [_example(body)]
    op, value = body[0] if len(body) else (None, None)
    while op in _REPEATS or op == sre_parse.SUBPATTERN or op == sre_parse.BRANCH:
        if op == sre_parse.BRANCH:
            pumps.extend(_example(branch) for branch in value[1])
            break
        inner = value[2] if op in _REPEATS else value[-1]
        op, value = inner[0] if len(inner) else (None, None)
    pumps.extend(_members(op, value) if op is not None else [])
    return [pump for pump in dict.fromkeys(pumps) if pump]


def _repetitions(nodes: Any, prefix: str) -> Iterator[tuple[str, list[str]]]:
    """(what leads to it, pumps) for every repetition of more than one, at any depth."""
    for index, (op, value) in enumerate(nodes):
        before = prefix + _example(nodes[:index])
        if op in _REPEATS:
            if value[1] > 1:
                yield before, _pumps(value[2])
            yield from _repetitions(value[2], before)
        elif op == sre_parse.SUBPATTERN:
            yield from _repetitions(value[-1], before)
        elif op == sre_parse.BRANCH:
            for branch in value[1]:
                yield from _repetitions(branch, before)
        elif op == getattr(sre_parse, "ATOMIC_GROUP", None):
            yield from _repetitions(value, before)


def attacks(pattern: str) -> Iterator[str]:
    """Attack strings for ``pattern``, smallest pumps first."""
    tree = sre_parse.parse(pattern)
    found = list(_repetitions(tree, "")) or [("", [_example(tree) or "a"])]
    for count in PUMPS:
        for prefix, pumps in found:
            for pump in pumps:
                for tail in FAILING_TAILS:
                    yield prefix + pump * count + tail


def _run(pattern: str, connection: Any) -> None:
    """In the child: match every attack, telling the parent which one is running."""
    compiled = re.compile(pattern)
    for attack in attacks(pattern):
        connection.send(attack)
        compiled.search(attack)
    connection.send(None)


def slowest_attack(pattern: str, limit: float = LIMIT) -> str | None:
    """None if every attack on ``pattern`` finishes within ``limit`` seconds; else the one still running."""
    context = multiprocessing.get_context("fork")
    parent, child = context.Pipe(duplex=False)
    process = context.Process(target=_run, args=(pattern, child), daemon=True)
    deadline = time.monotonic() + limit
    process.start()
    current: str | None = ""
    try:
        while current is not None:
            if not parent.poll(max(deadline - time.monotonic(), 0)):
                return current
            current = parent.recv()
    finally:
        process.kill()
        process.join()
    return None


PATTERNS = schema_patterns()


@pytest.mark.parametrize("pattern", PATTERNS, ids=[repr(pattern) for pattern in PATTERNS])
def test_no_pattern_backtracks_catastrophically(pattern):
    stuck = slowest_attack(pattern)
    assert stuck is None, (
        f"{pattern!r} (in {', '.join(PATTERNS[pattern][:3])}) takes more than {LIMIT} s "
        f"on {stuck[:60]!r}… ({len(stuck)} characters)"
    )


@pytest.mark.parametrize(
    "pattern",
    ["^(a+)+$", r"^(\w+\s?)*$", "^(a|aa)+$", "^([a-z0-9]+-?)+[a-z]$", r"^(\d+)*\.$", r"^.*.*=.*;$"],
)
def test_the_attacks_find_known_catastrophic_patterns(pattern):
    assert slowest_attack(pattern, limit=0.5) is not None


@pytest.mark.parametrize(
    "pattern", [r"^[0-9]+$", r"^[a-z][a-z0-9-]*$", r"^\d{4}-\d{2}-\d{2}$", r"^(?:[^/]+/)*$"]
)
def test_linear_patterns_pass(pattern):
    assert slowest_attack(pattern, limit=0.5) is None
