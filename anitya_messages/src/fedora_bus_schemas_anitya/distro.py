"""Anitya's messages about distributions: added, renamed, deleted."""

from __future__ import annotations

from fedora_bus_schemas_core.access import text

from .base import DISTROS_URL, AnityaMessage, distro_url


class DistroMessage(AnityaMessage):
    """Base of the distribution messages: the distribution's name and page."""

    @property
    def distro_name(self) -> str:
        """Name of the distribution (for a renamed one, its old name)."""
        return text(self.body, "distro", "name") or text(self._message(), "distro")

    @property
    def distro_url(self) -> str | None:
        """The distribution's page on release-monitoring.org."""
        return distro_url(self.distro_name)

    @property
    def url(self) -> str | None:
        return self.distro_url

    def _distro_label(self) -> str:
        name = self.distro_name
        return f"the distribution {name}" if name else "a distribution"

    def details(self) -> list[tuple[str, str]]:
        return [("Distribution", self.distro_name), ("Agent", self.agent_name or "")]


class DistroCreated(DistroMessage):
    """A distribution was added to Anitya.

    Sent when someone logged in adds one in the web interface (just before it is stored, so also
    when storing fails because it exists already), and when someone maps a project to a
    distribution Anitya does not know yet.
    """

    schema_name = "anitya.distro.add"
    topic = "anitya.distro.add"

    def summarize(self) -> str:
        return f"{self._who()} added {self._distro_label()} to release-monitoring.org"


class DistroEdited(DistroMessage):
    """An administrator renamed a distribution in Anitya."""

    schema_name = "anitya.distro.edit"
    topic = "anitya.distro.edit"

    @property
    def distro_name_old(self) -> str:
        return text(self._message(), "old") or text(self.body, "distro", "name")

    @property
    def distro_name_new(self) -> str:
        return text(self._message(), "new")

    @property
    def distro_url_old(self) -> str | None:
        """The page of the distribution under its old name (gone after the rename)."""
        return distro_url(self.distro_name_old)

    @property
    def distro_url_new(self) -> str | None:
        return distro_url(self.distro_name_new)

    @property
    def url(self) -> str | None:
        """The distribution's page under its new name."""
        return self.distro_url_new or self.distro_url_old

    def summarize(self) -> str:
        old, new = self.distro_name_old, self.distro_name_new
        if not new:
            return f"{self._who()} edited {self._distro_label()}"
        if not old:
            return f"{self._who()} renamed a distribution to {new}"
        return f"{self._who()} renamed the distribution {old} to {new}"

    def details(self) -> list[tuple[str, str]]:
        return [
            ("Old name", self.distro_name_old),
            ("New name", self.distro_name_new),
            ("Agent", self.agent_name or ""),
        ]


class DistroDeleted(DistroMessage):
    """An administrator deleted a distribution, and with it every mapping to it, from Anitya."""

    schema_name = "anitya.distro.remove"
    topic = "anitya.distro.remove"

    @property
    def url(self) -> str | None:
        """The list of distributions (the deleted one's page is gone)."""
        return DISTROS_URL

    def summarize(self) -> str:
        return f"{self._who()} deleted {self._distro_label()} from release-monitoring.org"
