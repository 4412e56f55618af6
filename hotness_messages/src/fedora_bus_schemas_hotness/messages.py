"""the-new-hotness's messages: what it did with a new upstream version Anitya found.

Every body carries ``trigger``: the Anitya message that started it (``msg``, the whole body, and
its ``topic``). Today that is an ``anitya.project.version.update.v2`` body; fedmsg-era triggers
were ``anitya.project.version.update`` (v1) bodies. The properties read both.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fedora_bus_schemas_core import SchemaMessage, urls
from fedora_bus_schemas_core.access import dig, items, mapping, optional_text, text, texts, unique_sorted
from fedora_bus_schemas_core.pages import anitya_project_url
from fedora_bus_schemas_core.text import join_words

#: The distribution whose mappings name Fedora packages, as the-new-hotness compares it (Anitya
#: compares distribution names without case).
FEDORA = "fedora"
BUG_URL = "https://bugzilla.redhat.com/show_bug.cgi"
#: The bug id the-new-hotness sends when the package's monitoring configuration turns bugs off.
NO_BUG = -1

#: What each drop reason means, completing "the-new-hotness dropped <what>: ...".
DROP_REASONS = {
    "anitya": "the project has no Fedora mapping in Anitya",
    "dist-git": "the package's monitoring settings could not be read from dist-git",
    "monitoring settings": "the package's monitoring settings exclude this version",
    "retired": "the package is retired",
    "mdapi": "mdapi could not say which version Fedora has",
    "not newer": "Fedora already has this version or a newer one",
    "bugzilla": "the Bugzilla bug could not be filed or updated",
    "rawhide": "no Rawhide build of the package was found yet",
    "pkgdb": "pkgdb said the maintainers want no bugs filed",
}


class HotnessMessage(SchemaMessage):
    """Base of the-new-hotness's messages: the triggering Anitya message, read safely."""

    app_name = "The New Hotness"
    app_icon = "https://apps.fedoraproject.org/img/icons/anitya.png"

    @property
    def trigger_topic(self) -> str:
        """Full topic of the triggering message (``org.release-monitoring.prod.anitya...``)."""
        return text(self.body, "trigger", "topic")

    @property
    def trigger_body(self) -> Mapping[str, Any]:
        """Body of the triggering message (empty when the body has none)."""
        return mapping(self.body, "trigger", "msg")

    def _anitya(self) -> Mapping[str, Any]:
        """The triggering message's ``message`` object."""
        return mapping(self.trigger_body, "message")

    @property
    def project(self) -> Mapping[str, Any]:
        """The Anitya project whose new version this is."""
        return mapping(self.trigger_body, "project") or mapping(self._anitya(), "project")

    @property
    def project_name(self) -> str:
        return text(self.project, "name") or text(self._anitya(), "project")

    @property
    def project_id(self) -> int | None:
        """Anitya's id of the project."""
        value = dig(self.project, "id")
        return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None

    @property
    def project_homepage(self) -> str | None:
        return optional_text(self.project, "homepage")

    @property
    def project_url(self) -> str | None:
        """The project's page on release-monitoring.org."""
        return anitya_project_url(self.project_id)

    @property
    def upstream_versions(self) -> list[str]:
        """The versions the check found (v1 triggers name only the newest)."""
        found = texts(items(self._anitya(), "upstream_versions"))
        return found or texts([dig(self._anitya(), "upstream_version")])

    @property
    def version(self) -> str | None:
        """The new version: the newest version of a v1 trigger; for a v2 trigger the project's
        newest known version (its ``versions`` come newest first), as the-new-hotness takes it."""
        newest = texts([dig(self._anitya(), "upstream_version")]) or texts(items(self._anitya(), "versions"))
        return newest[0] if newest else optional_text(self.project, "version")

    @property
    def old_version(self) -> str | None:
        """The project's latest version before the check."""
        return optional_text(self._anitya(), "old_version")

    @property
    def mappings(self) -> list[dict[str, str]]:
        """The project's distribution mappings, as ``{"distro", "package_name"}``."""
        found = []
        for entry in items(self._anitya(), "packages"):
            distro, package = text(entry, "distro"), text(entry, "package_name")
            if distro and package:
                found.append({"distro": distro, "package_name": package})
        return found

    @property
    def fedora_packages(self) -> list[str]:
        """The Fedora packages the project is mapped to."""
        return unique_sorted(
            entry["package_name"] for entry in self.mappings if entry["distro"].lower() == FEDORA
        )

    @property
    def agent_name(self) -> str | None:
        """The body's ``agent_name``, as upstream's class reads it; the-new-hotness acts on its own
        and sends none, so this is None."""
        return optional_text(self.body, "agent_name")

    @property
    def usernames(self) -> list[str]:
        return unique_sorted([self.agent_name])

    def _subject(self) -> str:
        """``python-requests 2.32.3``; with several Fedora packages, the project's name and theirs."""
        packages = self.packages
        name = packages[0] if len(packages) == 1 else self.project_name or "a project"
        version = self.version
        subject = f"{name} {version}" if version else f"a new version of {name}"
        if len(packages) > 1:
            subject += f" (Fedora packages {join_words(packages)})"
        return subject

    def details(self) -> list[tuple[str, str]]:
        return [
            ("Project", self.project_name),
            ("Homepage", self.project_homepage or ""),
            ("New versions", ", ".join(self.upstream_versions)),
            ("Previous version", self.old_version or ""),
            ("Fedora packages", ", ".join(self.fedora_packages)),
        ]


class UpdateBugFile(HotnessMessage):
    """the-new-hotness reported a new upstream version of a Fedora package in Bugzilla.

    It filed a bug, updated its open bug about an older version, or found one already filed;
    ``bug.bug_id`` is -1 when the package's monitoring configuration turns bugs off.
    """

    schema_name = "hotness.update.bug.file"
    topic = "hotness.update.bug.file"

    @property
    def bug_id(self) -> int | None:
        """Id of the Bugzilla bug; None when no bug was filed (-1 in the body)."""
        value = dig(self.body, "bug", "bug_id")
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else None

    @property
    def bug_url(self) -> str | None:
        return urls.with_query(BUG_URL, id=self.bug_id) if self.bug_id is not None else None

    @property
    def package(self) -> str | None:
        """The Fedora package the new version is for (fedmsg-era messages did not say)."""
        return optional_text(self.body, "package")

    @property
    def packages(self) -> list[str]:
        """The Fedora package; for fedmsg-era messages, the project's Fedora mappings."""
        return unique_sorted([self.package]) or self.fedora_packages

    @property
    def url(self) -> str | None:
        """The Bugzilla bug; the project's page on release-monitoring.org when no bug was filed."""
        return self.bug_url or self.project_url

    def summarize(self) -> str:
        if self.bug_id is not None:
            return f"the-new-hotness reported {self._subject()} in bug {self.bug_id}"
        return (
            f"the-new-hotness saw {self._subject()} but filed no bug, "
            "as the package's monitoring configuration turns bugs off"
        )

    def details(self) -> list[tuple[str, str]]:
        project_page = self.project_url if self.bug_url else None  # otherwise it is the URL
        return [("Bug", self.bug_url or ""), *super().details(), ("Project page", project_page or "")]


class UpdateDrop(HotnessMessage):
    """the-new-hotness saw a new upstream version and did nothing with it, for ``reason``."""

    schema_name = "hotness.update.drop"
    topic = "hotness.update.drop"

    @property
    def reason(self) -> str:
        """Why: ``anitya``, ``dist-git``, ``monitoring settings``, ``retired``, ``mdapi``,
        ``not newer``, ``bugzilla`` (fedmsg era: ``rawhide``, ``pkgdb``)."""
        return text(self.body, "reason")

    @property
    def reason_text(self) -> str:
        """The reason as a sentence says it."""
        reason = self.reason
        return DROP_REASONS.get(reason.lower(), f"reason: {reason}" if reason else "no reason given")

    @property
    def packages(self) -> list[str]:
        """The project's Fedora packages (the body does not say which of several failed the
        check); none when the drop is for want of a Fedora mapping."""
        return [] if self.reason.lower() == "anitya" else self.fedora_packages

    @property
    def url(self) -> str | None:
        """The project's page on release-monitoring.org."""
        return self.project_url

    def summarize(self) -> str:
        return f"the-new-hotness dropped {self._subject()}: {self.reason_text}"

    def details(self) -> list[tuple[str, str]]:
        return [("Reason", self.reason), *super().details()]
