"""Reading message bodies without ever raising.

Message properties run before validation and on old-format bodies, so every read of a body goes
through these helpers: a missing key, an index out of range or a value of the wrong type gives
the default instead of an exception.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar, Union

T = TypeVar("T")

Key = Union[str, int]


def dig(data: Any, *path: Key) -> Any:
    """Return the value at ``path`` inside nested dicts and lists, or None if any step is missing."""
    for key in path:
        if isinstance(key, str) and isinstance(data, Mapping):
            data = data.get(key)
        elif isinstance(key, int) and isinstance(data, list) and -len(data) <= key < len(data):
            data = data[key]
        else:
            return None
    return data


def text(data: Any, *path: Key, default: str = "") -> str:
    """The string at ``path`` without surrounding whitespace; numbers are written out.

    Anything else, and a blank string, gives ``default``.
    """
    value = dig(data, *path)
    if isinstance(value, str):
        return value.strip() or default
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return default


def optional_text(data: Any, *path: Key) -> str | None:
    """The non-empty string at ``path`` (numbers written out), or None."""
    return text(data, *path) or None


def integer(data: Any, *path: Key) -> int | None:
    """The integer at ``path`` (booleans excluded), or None."""
    value = dig(data, *path)
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def flag(data: Any, *path: Key) -> bool | None:
    """The boolean at ``path``, or None."""
    value = dig(data, *path)
    return value if isinstance(value, bool) else None


def items(data: Any, *path: Key) -> list[Any]:
    """The list at ``path``, or an empty list."""
    value = dig(data, *path)
    return value if isinstance(value, list) else []


def mapping(data: Any, *path: Key) -> Mapping[str, Any]:
    """The object at ``path``, or an empty mapping."""
    value = dig(data, *path)
    return value if isinstance(value, Mapping) else {}


def texts(values: Iterable[Any]) -> list[str]:
    """The non-blank strings among ``values``, stripped, in order."""
    return [value.strip() for value in values if isinstance(value, str) and value.strip()]


def unique_sorted(values: Iterable[Any]) -> list[str]:
    """Sorted, de-duplicated non-empty strings: the shape of usernames and packages.

    The string ``"None"`` (a null that a producer stringified) is never a name and is left out.
    """
    return sorted(set(texts(values)) - {"None"})
