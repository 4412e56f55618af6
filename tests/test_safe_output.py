"""Summaries and ``__str__`` carry no control character or terminal escape sequence from content.

Every string of every sample body gets hostile text appended (colour codes, a terminal title
change, a hyperlink, a bell, a carriage return, a bidirectional override...); whatever the class
makes of it, what a notification shows must be clean.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from fedora_bus_schemas_core.text import printable, truncate

HOSTILE = (
    "\x1b[31;1mred\x1b[0m"
    "\x1b]0;owned\x07"
    "\x1b]8;;https://evil.example/\x1b\\link\x1b]8;;\x1b\\"
    "\x9b2J\x1bc\x07\x00\x08\x7f"
    "\rover\r\nwrite\x0bvt\x0cff\x85nel\u2028ls"
    "\u202egnp.exe\u2066iso\u2069"
)
#: What a notification must never carry: C0 and C1 controls (tab and newline are only allowed in
#: ``__str__``), DEL, and the bidirectional embeddings, overrides and isolates.
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _poisoned(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _poisoned(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_poisoned(item) for item in value]
    if isinstance(value, str):
        return value + HOSTILE
    return value


def test_hostile_content_never_reaches_summary_or_str(sample):
    message = sample.cls(body=_poisoned(sample.body))
    summary = message.summary
    assert not FORBIDDEN.search(summary) and "\n" not in summary and "\t" not in summary
    assert not FORBIDDEN.search(str(message))


@pytest.mark.parametrize(
    ("hostile", "shown"),
    [
        ("a\x1b[31mred\x1b[0m b", "ared b"),
        ("x\x1b]0;title\x07y", "xy"),
        ("x\x1b]8;;https://evil.example/\x1b\\link\x1b]8;;\x1b\\y", "xlinky"),
        ("a\x9b2Jb", "ab"),
        ("bell\x07 and nul\x00", "bell and nul"),
        ("one\rtwo\r\nthree\u2028four", "one\ntwo\nthree\nfour"),
        ("\u202egnp.exe", "gnp.exe"),
        ("tab\tkept, ünïcödé kept, עברית kept", "tab\tkept, ünïcödé kept, עברית kept"),
        ("unterminated \x1b", "unterminated "),
    ],
)
def test_printable(hostile, shown):
    assert printable(hostile) == shown


def test_a_summary_is_one_clean_line():
    assert truncate(printable("New\x1b[2K comment:\r\nLGTM\x07")) == "New comment: LGTM"


def test_multi_line_facts_stay_aligned(sample):
    """A comment or description over several lines keeps its lines under the value column."""
    message = sample.cls(body=_poisoned(sample.body))
    labels = [label for label, value in message.details() if printable(value).strip()]
    if message.url:
        labels.append("URL")
    column = max(map(len, labels), default=0) + 2
    for line in str(message).splitlines()[2:]:
        label, colon, _ = line.partition(": ")
        if line and not line.startswith(" " * column):
            assert colon and label in labels and line[column - 1] == " ", line
