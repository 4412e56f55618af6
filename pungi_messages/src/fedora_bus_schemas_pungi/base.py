"""What every Pungi message shares: the compose it is about, and where that compose is published.

Pungi runs its notification script (``pungi-fedmsg-notification``) for each event of a compose;
the script publishes the JSON it is given as a plain fedora-messaging ``Message`` on
``pungi.compose.<event>``. While a compose runs, Pungi adds the compose's id, location, date, type,
label and release to every body.
"""

from __future__ import annotations

import posixpath
import re

from fedora_bus_schemas_core import SchemaMessage, urls
from fedora_bus_schemas_core.access import text


def _collapsed(path: str) -> str:
    """``path`` without empty segments: ``//`` made ``/``, no ``/`` at either end."""
    return re.sub("/{2,}", "/", path).strip("/")


def public_url(location: str, *path: str) -> str | None:
    """``location`` as an https address (``http://`` upgraded, ``//`` in the path collapsed),
    followed by ``path`` (quoted, its ``/`` kept); None for a location that is not a web address
    (a local path), or a ``path`` that is empty or leaves its folder (``.`` and ``..`` segments).

    Spaces and other characters that cannot stand in a URL (lone surrogates included) are escaped.
    """
    scheme, _, rest = location.partition("://")
    if scheme not in ("http", "https") or not rest:
        return None
    host, _, tail = rest.partition("/")
    address = urls.web("/".join([f"https://{host}", _collapsed(tail)]).rstrip("/"))
    return urls.join(address, *map(_collapsed, path), slashes=True) if path else address


class PungiMessage(SchemaMessage):
    """Base of every Pungi message: the compose, its location, and its facts."""

    app_name = "pungi"
    app_icon = "https://apps.fedoraproject.org/img/icons/pungi.png"

    def _compose(self) -> str:
        """How a sentence names the compose: its id and label (``Fedora-40-20240414.0 (RC-1.14)``),
        or ``A compose``."""
        compose = text(self.body, "compose_id") or "A compose"
        label = text(self.body, "compose_label")
        return f"{compose} ({label})" if label else compose

    def _location(self) -> str:
        return text(self.body, "location")

    @property
    def url(self) -> str | None:
        """The published compose (its ``compose/`` directory)."""
        return public_url(self._location())

    def _relative_to_compose(self, local_path: str) -> str:
        """The part of a local path under the compose's ``compose/`` directory; '' if not there."""
        top = text(self.body, "compose_path")
        compose_dir = posixpath.join(top, "compose") if top else ""
        if compose_dir and local_path.startswith(compose_dir + "/"):
            return local_path[len(compose_dir) + 1 :]
        marker = f"/{text(self.body, 'compose_id')}/compose/"
        if marker != "//compose/" and marker in local_path:
            return local_path.split(marker, 1)[1]
        return ""

    def _words(self, *keys: str) -> str:
        """The values of ``keys`` that are set, joined by spaces (``Fedora Rawhide``)."""
        return " ".join(value for value in (text(self.body, key) for key in keys) if value)

    def details(self) -> list[tuple[str, str]]:
        return [
            ("Compose", text(self.body, "compose_id")),
            ("Type", text(self.body, "compose_type")),
            ("Label", text(self.body, "compose_label")),
            ("Date", text(self.body, "compose_date")),
            ("Respin", text(self.body, "compose_respin")),
            ("Release", self._words("release_name", "release_version")),
            ("Layered on", self._words("base_product_name", "base_product_version")),
            ("Location", self._location()),
        ]
