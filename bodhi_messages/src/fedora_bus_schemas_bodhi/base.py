"""What every Bodhi message has in common, and how update-based messages read their update."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, NamedTuple

from fedora_bus_schemas_core import SchemaMessage
from fedora_bus_schemas_core.access import dig, integer, items, mapping, optional_text, text, unique_sorted
from fedora_bus_schemas_core.nvr import package_name
from fedora_bus_schemas_core.subjects import bodhi_update_url
from fedora_bus_schemas_core.text import join_words, plural, sentence_start, truncate

BODHI_URL = "https://bodhi.fedoraproject.org"
OVERRIDES_URL = BODHI_URL + "/overrides/"
COMPOSES_URL = BODHI_URL + "/composes/"

#: An @mention in comment text, as Bodhi's Markdown renderer recognises it (bodhi.server.MENTION_RE).
MENTION = r"(?<!\S)@([\w-]+)"

#: Build content type -> the message property that lists its names.
CONTENT_PROPERTIES = {
    "rpm": "packages",
    "module": "modules",
    "container": "containers",
    "flatpak": "flatpaks",
}

#: How many NVRs a sentence names before it counts the rest.
NVRS_NAMED = 2

#: How much of an update's notes ``__str__`` shows.
NOTES_WIDTH = 300


def mentions(value: Any) -> list[str]:
    """Usernames @mentioned in a comment text (trailing dashes are punctuation, not names)."""
    if not isinstance(value, str):
        return []
    return [name.rstrip("-") for name in re.findall(MENTION, value) if name.rstrip("-")]


def signed(value: int) -> str:
    """Karma as Bodhi shows it: ``+1``, ``-1``, ``0``."""
    return f"{value:+d}" if value else "0"


def name_of(value: Any) -> str:
    """A username given either as a string (fedmsg era) or as a user object."""
    return text(value) or text(value, "name")


def nvr_list(nvrs: list[str]) -> str:
    """``a``, ``a and b``, ``a and 2 other builds``."""
    if len(nvrs) <= NVRS_NAMED:
        return join_words(nvrs)
    return f"{nvrs[0]} and {plural(len(nvrs) - 1, 'other build')}"


class UserV1(NamedTuple):
    """A user, as upstream's ``bodhi.messages.schemas.base.UserV1`` names it."""

    name: str


class BuildV1(NamedTuple):
    """A build, as upstream's ``BuildV1`` names it."""

    nvr: str

    @property
    def package(self) -> str:
        """The package name of the build."""
        return package_name(self.nvr) or self.nvr


class ReleaseV1(NamedTuple):
    """A release, as upstream's ``ReleaseV1`` names it."""

    name: str


class UpdateV1(NamedTuple):
    """The few facts upstream's ``UpdateV1`` gives about an update (empty strings when missing)."""

    alias: str
    builds: list[BuildV1]
    user: UserV1
    status: str
    request: str | None
    release: ReleaseV1

    @property
    def packages(self) -> list[str]:
        """The package name of each build."""
        return [build.package for build in self.builds]


class BodhiMessage(SchemaMessage):
    """Base of every Bodhi message: the app, the agent and its avatar, the usernames."""

    app_name = "bodhi"
    app_icon = "https://apps.fedoraproject.org/img/icons/bodhi.png"

    @property
    def agent_name(self) -> str | None:
        """The user who caused the message: the ``agent`` Bodhi records."""
        return optional_text(self.body, "agent")

    def _related_usernames(self) -> list[Any]:
        """Users other than the agent whom the message concerns."""
        return []

    @property
    def usernames(self) -> list[str]:
        """The agent and the users the message concerns, sorted and unique."""
        return unique_sorted([self.agent_name, *self._related_usernames()])

    def _names(self, content: str) -> list[str]:
        """Names of the builds the message is about whose content type files under ``content``."""
        return []

    @property
    def packages(self) -> list[str]:
        """Package names of the RPM builds (NVRs are split from the right)."""
        return self._names("packages")

    @property
    def containers(self) -> list[str]:
        """Names of the container builds."""
        return self._names("containers")

    @property
    def flatpaks(self) -> list[str]:
        """Names of the Flatpak builds."""
        return self._names("flatpaks")

    @property
    def modules(self) -> list[str]:
        """Names of the module builds."""
        return self._names("modules")


class UpdateMessage(BodhiMessage):
    """Base of the messages about one update: its page, submitter, builds and packages."""

    def _update(self) -> Mapping[str, Any]:
        return mapping(self.body, "update")

    # Facts about the update, read defensively (fedmsg-era bodies lack most of them).

    def _alias(self) -> str:
        update = self._update()
        return text(update, "alias") or text(update, "updateid")

    def _submitter(self) -> str:
        update = self._update()
        return name_of(dig(update, "user")) or name_of(dig(update, "submitter"))

    def _builds(self) -> list[tuple[str, str]]:
        """(content type, NVR) of each build; the update's content type is the default."""
        update = self._update()
        default = text(update, "content_type") or "rpm"
        found = []
        for build in items(update, "builds"):
            nvr = text(build) or text(build, "nvr")
            if nvr:
                found.append((text(build, "type") or default, nvr))
        if not found:
            title = text(update, "title")
            found = [(default, nvr) for nvr in re.split(r"[\s,]+", title) if package_name(nvr)]
        return found

    def _nvrs(self) -> list[str]:
        return [nvr for _, nvr in self._builds()]

    def _names(self, content: str) -> list[str]:
        return unique_sorted(
            package_name(nvr)
            for kind, nvr in self._builds()
            if CONTENT_PROPERTIES.get(kind, "packages") == content
        )

    @property
    def url(self) -> str | None:
        """The update's page on Bodhi."""
        return bodhi_update_url(self._alias())

    @property
    def update(self) -> UpdateV1:
        """The update's alias, builds, submitter, status, request and release, as upstream's accessor."""
        update = self._update()
        return UpdateV1(
            alias=self._alias(),
            builds=[BuildV1(nvr) for nvr in self._nvrs()],
            user=UserV1(self._submitter()),
            status=text(update, "status"),
            request=optional_text(update, "request"),
            release=ReleaseV1(text(update, "release", "name")),
        )

    def _related_usernames(self) -> list[Any]:
        return [self._submitter()]

    # Wording.

    def _release_name(self) -> str:
        release = mapping(self._update(), "release")
        return text(release, "long_name") or text(release, "name")

    def _update_ref(self, *, agent: str | None = None, builds: bool = True) -> str:
        """``mgarcia's update FEDORA-2024-… (python-requests-2.32.3-1.fc41)``, ``their update …``.

        ``agent`` says "their" when the agent is the submitter; ``builds=False`` leaves the builds
        out when the alias is known.
        """
        alias, nvrs = self._alias(), nvr_list(self._nvrs())
        if alias and not builds:
            core = f"update {alias}"
        elif alias and nvrs:
            core = f"update {alias} ({nvrs})"
        elif alias or nvrs:
            core = f"update {alias or nvrs}"
        else:
            core = "update"
        submitter = self._submitter()
        if submitter:
            owner = "their" if agent == submitter else f"{submitter}'s"
            return f"{owner} {core}"
        return core if core != "update" else "an update"

    def _update_subject(self) -> str:
        """The update reference that opens a sentence (usernames keep their case)."""
        reference = self._update_ref()
        return reference if self._submitter() else sentence_start(reference)

    def _update_details(self) -> list[tuple[str, str]]:
        update = self._update()
        karma, stable, unstable = (
            integer(update, key) for key in ("karma", "stable_karma", "unstable_karma")
        )
        karma_text = ""
        if karma is not None:
            thresholds = [
                f"{label} at {signed(value)}"
                for label, value in (("stable", stable), ("unstable", unstable))
                if value is not None
            ]
            karma_text = signed(karma) + (f" ({', '.join(thresholds)})" if thresholds else "")
        critpath = dig(update, "critpath")
        groups = text(update, "critpath_groups")
        critpath_text = {True: "yes", False: "no"}.get(critpath, "") if isinstance(critpath, bool) else ""
        if critpath is True and groups:
            critpath_text += f" ({groups})"
        bugs = [
            f"#{number}" for number in (integer(bug, "bug_id") for bug in items(update, "bugs")) if number
        ]
        return [
            ("Update", self._alias()),
            ("Builds", ", ".join(self._nvrs())),
            ("Release", self._release_name()),
            ("Submitter", self._submitter()),
            ("Type", text(update, "type")),
            ("Severity", text(update, "severity") if text(update, "severity") != "unspecified" else ""),
            ("Status", text(update, "status")),
            ("Request", text(update, "request")),
            ("Karma", karma_text),
            ("Critical path", critpath_text),
            ("Bugs", ", ".join(bugs)),
            ("Test gating", text(update, "test_gating_status")),
            ("Notes", truncate(text(update, "notes"), NOTES_WIDTH)),
        ]

    def details(self) -> list[tuple[str, str]]:
        return self._update_details()
