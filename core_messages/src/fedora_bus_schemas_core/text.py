"""Wording helpers for summaries that read well in a notification."""

from __future__ import annotations

from collections.abc import Sequence

#: Longest summary a notification line should carry; longer free text is shortened.
SUMMARY_WIDTH = 200


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
