"""Filter headers that AMQP can always carry, whatever the names in a message.

fedora-messaging adds one header per username, group, package, container, module and flatpak
(``fedora_messaging_user_<name>``...). An AMQP header key is a short string of at most 255 bytes
and all headers travel in one frame (131,072 bytes by default on RabbitMQ): a long name (an Anitya
project, a Pagure repository: user input) makes pika raise ``ShortStringTooLong`` and a message
naming thousands of people makes the broker close the connection, so the message is lost. Headers
that do not fit are left out instead, with a log line; the message's properties still list every
name and the body is untouched.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

_log = logging.getLogger(__name__)

#: Longest AMQP short string, in bytes: the limit of a header key.
KEY_LIMIT = 255
#: Bytes all filter headers of one message may take together, well inside the smallest frame
#: size a RabbitMQ broker negotiates by default (131,072 bytes) next to the other properties.
TABLE_BUDGET = 65_536
#: Bytes a boolean header takes besides its key: key length, value type and value.
_ENTRY_OVERHEAD = 3


def publishable(headers: Mapping[str, Any], topic: str) -> dict[str, Any]:
    """``headers`` without the keys AMQP cannot encode and without those past :data:`TABLE_BUDGET`.

    A key longer than :data:`KEY_LIMIT` bytes in UTF-8, or not encodable at all (a lone surrogate
    from a JSON ``\\ud800`` escape), is logged at WARNING on its own; the headers past the budget are
    counted in one WARNING line. ``topic`` names the message in those lines.
    """
    kept: dict[str, Any] = {}
    used = 0
    over_budget = 0
    for key, value in headers.items():
        try:
            size = len(key.encode("utf-8"))
        except UnicodeEncodeError:
            _log.warning("Header %r of a %s message left out: not valid UTF-8", key[:80], topic)
            continue
        if size > KEY_LIMIT:
            _log.warning(
                "Header %r of a %s message left out: %d bytes, AMQP allows %d",
                key[:80] + "…",
                topic,
                size,
                KEY_LIMIT,
            )
        elif used + size + _ENTRY_OVERHEAD > TABLE_BUDGET:
            over_budget += 1
        else:
            kept[key] = value
            used += size + _ENTRY_OVERHEAD
    if over_budget:
        _log.warning(
            "%d filter headers of a %s message left out: the other %d take the %d bytes allowed",
            over_budget,
            topic,
            len(kept),
            TABLE_BUDGET,
        )
    return kept
