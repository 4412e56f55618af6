"""Koji's package list messages: a package was added to a tag, blocked, unblocked, removed or updated."""

from __future__ import annotations

from fedora_messaging.message import DEBUG

from fedora_bus_schemas_core.access import flag, optional_text, text
from fedora_bus_schemas_core.text import yes_no

from .base import KojiMessage, opening

#: What each action did to the package, as a sentence says it; ``{package}`` and ``{tag}`` are filled in.
ACTIONS = {
    "add": "{package} was added to the package list of {tag}",
    "update": "the entry of {package} in the package list of {tag} was updated",
    "block": "{package} was blocked in {tag}",
    "unblock": "{package} was unblocked in {tag}",
    "remove": "{package} was removed from the package list of {tag}",
}


class ListChangeV1(KojiMessage):
    """A tag's package list changed: a package was added, updated, blocked, unblocked or removed.

    Who made the change is not sent; ``owner`` is the package's owner in the tag.
    """

    schema_name = "koji_fedoramessaging.package.ListChangeV1"
    topic = "buildsys.package.list.change"
    severity = DEBUG

    @property
    def package(self) -> str:
        return text(self.body, "package")

    @property
    def action(self) -> str:
        """``add``, ``update``, ``block``, ``unblock`` or ``remove``."""
        return text(self.body, "action")

    @property
    def owner(self) -> str | None:
        """The package's owner in the tag after the change (None when unblocking or removing)."""
        return optional_text(self.body, "owner")

    @property
    def block(self) -> bool | None:
        return flag(self.body, "block")

    def _package(self) -> str | None:
        return self.package or None

    @property
    def url(self) -> str | None:
        """The tag's page on the hub (it lists the tag's packages)."""
        return self._tag_page()

    def summarize(self) -> str:
        package = self.package or "a package"
        tag = self.tag or "a tag"
        template = ACTIONS.get(self.action.lower(), "the package list of {tag} changed for {package}")
        sentence = template.format(package=package, tag=tag)
        if self.owner and self.action.lower() in ("add", "update"):
            sentence += f" (owner: {self.owner})"
        return opening(sentence + self._instance_note())

    def details(self) -> list[tuple[str, str]]:
        blocked = yes_no(self.block)
        return [
            ("Package", self.package),
            ("Tag", self.tag),
            ("Action", self.action),
            ("Owner", self.owner or ""),
            ("Blocked", blocked),
            ("Extra arches", text(self.body, "extra_arches")),
        ]
