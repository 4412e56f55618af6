"""Sample bodies whose names (users, packages, groups...) are made too long for an AMQP header."""

from __future__ import annotations

import copy
import re
from typing import Any

from fedora_messaging.message import Message

from fedora_bus_schemas_core.headers import KEY_LIMIT

#: The message properties fedora-messaging turns into one ``fedora_messaging_<kind>_<name>`` header
#: per item, with their kind; the shortest prefix (``fedora_messaging_rpm_``) has 21 bytes.
NAME_PROPERTIES = {
    "usernames": "user",
    "groups": "group",
    "packages": "rpm",
    "containers": "container",
    "modules": "module",
    "flatpaks": "flatpak",
}
SHORTEST_PREFIX = len("fedora_messaging_rpm_")

#: What is appended to every name, by id: enough bytes in UTF-8 to push any header key past the limit.
FILLERS = {
    "ascii": "-" + "x" * (KEY_LIMIT - SHORTEST_PREFIX + 5),
    "non-ascii": "-" + "ü" * 60 + "名" * 40 + "ñ",  # 241 bytes in UTF-8, 101 characters
}


def names(message: Message) -> set[str]:
    """Every name the message gets a filter header for."""
    return {name for prop in NAME_PROPERTIES for name in getattr(message, prop)}


def too_long(name: str) -> bool:
    """True when even the shortest filter header for ``name`` exceeds the AMQP key limit."""
    return SHORTEST_PREFIX + len(name.encode("utf-8")) > KEY_LIMIT


def lengthened(cls: type[Message], body: dict[str, Any], filler: str) -> dict[str, Any] | None:
    """A copy of ``body`` where every name of the message has ``filler`` appended, wherever it occurs.

    Names are replaced as whole words inside strings (``kernel`` in ``kernel-6.11.5-300.fc41`` or in
    a URL), or failing that only as whole strings, whichever the class's schema still accepts.
    Returns None when the body has no names or the schema accepts neither.
    """
    found = {name for name in names(cls(body=copy.deepcopy(body))) if len(name) > 1}
    if not found:
        return None
    table = {name: name + filler for name in found}
    words = re.compile(
        r"(?<![\w.])("
        + "|".join(re.escape(name) for name in sorted(found, key=len, reverse=True))
        + r")(?!\w)"
    )
    for in_words in (True, False):
        candidate = _replace(body, table, words if in_words else None)
        if cls.accepts(candidate):  # type: ignore[attr-defined]
            return candidate
    return None


def _replace(value: Any, table: dict[str, str], words: re.Pattern[str] | None) -> Any:
    if isinstance(value, dict):
        return {table.get(key, key): _replace(item, table, words) for key, item in value.items()}
    if isinstance(value, list):
        return [_replace(item, table, words) for item in value]
    if isinstance(value, str):
        if value in table:
            return table[value]
        if words is not None:
            return words.sub(lambda match: table[match.group(1)], value)
    return value
