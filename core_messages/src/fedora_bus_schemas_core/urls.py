"""Links built from message content: valid URLs to the right page, whatever the names hold.

Repository, branch, user and build names are user input: a space, ``#``, ``?``, ``/``, ``%`` or a
non-ASCII letter must not end the path, start a query or a fragment, or change the page a link
points to; a lone surrogate (valid in JSON, not in UTF-8) must not make a property raise.
"""

from __future__ import annotations

import re
from urllib.parse import quote, urlencode, urlsplit

from fedora_messaging.schema_utils import user_avatar_url

#: Characters kept as they are when an absolute URL from a body is made valid: the reserved ones
#: (they give the URL its structure) and ``%`` (escapes already there).
_URL_SAFE = ":/?#[]@!$&'()*+,;=%~"
#: A ``%`` that does not start an escape.
_STRAY_PERCENT = "%(?![0-9A-Fa-f]{2})"
#: A lone surrogate (JSON can carry one, UTF-8 cannot): written ``%3F``, as :func:`segment` writes it,
#: never a bare ``?`` that would start a query.
_SURROGATE = "[\ud800-\udfff]"
#: Path segments a browser resolves away (``/a/../b`` is ``/b``), encoded or not: no link can name them.
_DOT_SEGMENTS = frozenset({".", ".."})


def encodable(value: str) -> str:
    """``value`` with lone surrogates replaced by ``?``, so that it encodes to UTF-8."""
    return value.encode("utf-8", "replace").decode("utf-8")


def segment(value: str | int, slashes: bool = False) -> str | None:
    """``value`` quoted as one path segment, or None when no URL can name it ('', '.', '..').

    With ``slashes``, ``/`` stays as it is: for the apps' own path routes (Pagure's
    ``/commits/<path:branch>``, which writes ``feature/x`` unquoted in its links); then no part
    between slashes may be a dot segment either.
    """
    piece = encodable(str(value))
    parts = piece.split("/") if slashes else [piece]
    if not piece or any(part in _DOT_SEGMENTS for part in parts):
        return None
    return quote(piece, safe="/" if slashes else "")


def join(base: str | None, *parts: str | int | None, slashes: bool = False) -> str | None:
    """``base`` followed by ``parts`` as quoted path segments (see :func:`segment`).

    None without a base, with a base that has a query or a fragment (the parts would land in it),
    or when a part is missing (None, empty, not text) or cannot be named, so that callers fall
    back to a page that exists rather than link to the wrong one.
    """
    if not base or "?" in base or "#" in base:
        return None
    pieces = []
    for part in parts:
        if isinstance(part, bool) or not isinstance(part, (str, int)):
            return None
        quoted = segment(part, slashes)
        if quoted is None:
            return None
        pieces.append(quoted)
    return "/".join([base.rstrip("/"), *pieces])


def with_query(base: str, **params: str | int) -> str:
    """``base?key=value&...`` with every value quoted (``&``, ``#``, ``=`` and ``/`` included)."""
    query = urlencode({key: encodable(str(value)) for key, value in params.items()}, quote_via=quote, safe="")
    return f"{base}?{query}"


def web(value: object, schemes: tuple[str, ...] = ("https",)) -> str | None:
    """``value`` if it is an absolute URL with a host and one of ``schemes``, made valid; else None.

    Bodies carry links their app built (Pagure's ``full_url``, ResultsDB's ``href``); a space, a
    control character, a non-ASCII letter, a stray ``%`` or a second ``#`` in one is
    percent-encoded; escapes and the URL's structure are kept. Only https by default: ``http``
    is for the few addresses an app may give that way (Koji's ``files_base_url``).
    """
    if not isinstance(value, str):
        return None
    url = re.sub(_STRAY_PERCENT, "%25", quote(re.sub(_SURROGATE, "%3F", value.strip()), safe=_URL_SAFE))
    head, hash_mark, fragment = url.partition("#")
    url = head + hash_mark + fragment.replace("#", "%23")
    try:
        parts = urlsplit(url)
        host = parts.hostname
    except ValueError:  # e.g. an unbalanced IPv6 bracket or a bad port
        return None
    return url if parts.scheme in schemes and host else None


def avatar(username: str | None) -> str | None:
    """fedora-messaging's Libravatar URL for a Fedora username, or None without one."""
    return user_avatar_url(encodable(username)) if username else None
