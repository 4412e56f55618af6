"""Wording helpers for summaries that read well in a notification."""

from __future__ import annotations

import re
from collections.abc import Sequence

#: Longest summary a notification line should carry; longer free text is shortened.
SUMMARY_WIDTH = 200

# Patterns are kept as text and compiled at first use (re caches them): importing a package, as
# fedora-messaging's entry-point scan does, must cost as little as possible.

#: Terminal escape sequences, whole: CSI (``ESC [`` or the C1 byte) parameters and final byte;
#: OSC, DCS, SOS, PM and APC strings up to their terminator; other ``ESC`` sequences. Each part is a
#: run of one character class, so matching takes linear time whatever the input.
_ESCAPES = (
    "(?:\x1b\\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]?"
    "|(?:\x1b[]PX^_]|[\x90\x98\x9d-\x9f])[^\x07\x1b\x9c]*(?:\x07|\x1b\\\\|\x9c)?"
    "|\x1b[\x20-\x2f]*[\x30-\x7e]?"
)
#: Characters that end a line in a terminal or a text widget, besides the newline.
_LINE_BREAKS = "\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]"
#: Other control characters (tab and newline aside), and the bidirectional embeddings, overrides
#: and isolates that make the rest of a line display in another order than it is read.
_CONTROLS = "[\x00-\x08\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"


def printable(value: str) -> str:
    """``value`` as a notification may show it: no escape sequences, no control characters.

    Message content is written by anyone (comments, project names, commit messages); a terminal
    or mail client showing a summary must not receive colour codes, cursor moves, title changes,
    bells or text reversed by bidirectional overrides from it. Line breaks of every kind become
    newlines; tabs are kept.
    """
    return re.sub(_CONTROLS, "", re.sub(_LINE_BREAKS, "\n", re.sub(_ESCAPES, "", value)))


def truncate(value: str, width: int = SUMMARY_WIDTH, placeholder: str = "…") -> str:
    """Shorten ``value`` to ``width`` characters on a word boundary, ending in ``placeholder``.

    Whitespace runs (including newlines from multi-line comments) collapse to one space first.
    """
    collapsed = " ".join(value.split())
    if len(collapsed) <= width:
        return collapsed
    cut = collapsed[: max(width - len(placeholder), 0)]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.") + placeholder


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """``"1 test"``, ``"2 tests"``."""
    word = singular if count == 1 else (plural_form or singular + "s")
    return f"{count} {word}"


def join_words(words: Sequence[str], conjunction: str = "and") -> str:
    """``"a"``, ``"a and b"``, ``"a, b and c"``."""
    if len(words) <= 1:
        return "".join(words)
    return f"{', '.join(words[:-1])} {conjunction} {words[-1]}"


def sentence_start(value: str) -> str:
    """``value`` with its first letter capitalised, to open a sentence."""
    return value[:1].upper() + value[1:]


def yes_no(value: bool | None, no: str = "no") -> str:
    """``"yes"`` or ``no`` for a flag of the body, ``""`` when the body does not say."""
    if value is None:
        return ""
    return "yes" if value else no
