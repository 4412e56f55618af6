"""Buildroot overrides: a build tagged into, or untagged from, a release's override tag."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from fedora_bus_schemas_core import urls
from fedora_bus_schemas_core.access import dig, mapping, text, unique_sorted
from fedora_bus_schemas_core.nvr import package_name
from fedora_bus_schemas_core.text import truncate

from .base import (
    CONTENT_PROPERTIES,
    NOTES_WIDTH,
    OVERRIDES_URL,
    BodhiMessage,
    BuildV1,
    UserV1,
    name_of,
)

_DATE = r"^\d{4}-\d{2}-\d{2}"


def _day(value: str) -> str:
    """The date part of Bodhi's ``YYYY-MM-DD HH:MM:SS``, or the value as it is."""
    match = re.match(_DATE, value)
    return match.group(0) if match else value


class BuildrootOverrideMessage(BodhiMessage):
    """Base of the buildroot override messages: the build, its submitter and the override page."""

    def _override(self) -> Mapping[str, Any]:
        return mapping(self.body, "override")

    def _nvr(self) -> str:
        override = self._override()
        return text(override, "nvr") or text(override, "build", "nvr") or text(override, "build")

    def _submitter(self) -> str:
        return name_of(dig(self._override(), "submitter"))

    @property
    def agent_name(self) -> str | None:
        """The override's submitter (or the user who last edited it)."""
        return self._submitter() or None

    @property
    def build(self) -> BuildV1:
        """The overridden build."""
        return BuildV1(self._nvr())

    @property
    def submitter(self) -> UserV1:
        """The override's submitter."""
        return UserV1(self._submitter())

    def _names(self, content: str) -> list[str]:
        kind = text(self._override(), "build", "type") or "rpm"
        if CONTENT_PROPERTIES.get(kind, "packages") != content:
            return []
        return unique_sorted([package_name(self._nvr())])

    @property
    def url(self) -> str | None:
        """The override's page on Bodhi."""
        return urls.join(OVERRIDES_URL, self._nvr())

    def details(self) -> list[tuple[str, str]]:
        override = self._override()
        return [
            ("Build", self._nvr()),
            ("Submitter", self._submitter()),
            ("Notes", truncate(text(override, "notes"), NOTES_WIDTH)),
            ("Submitted", text(override, "submission_date")),
            ("Expires", text(override, "expiration_date")),
            ("Expired", text(override, "expired_date")),
        ]


class BuildrootOverrideTagV1(BuildrootOverrideMessage):
    """A buildroot override was created, re-enabled or extended: its build is in the buildroot."""

    schema_name = "bodhi.buildroot_override.tag.v1"
    topic = "bodhi.buildroot_override.tag"

    def summarize(self) -> str:
        nvr, submitter = self._nvr() or "a build", self._submitter()
        sentence = (
            f"{submitter} submitted a buildroot override for {nvr}"
            if submitter
            else f"A buildroot override was submitted for {nvr}"
        )
        expires = _day(text(self._override(), "expiration_date"))
        return f"{sentence}, until {expires}" if expires else sentence


class BuildrootOverrideUntagV1(BuildrootOverrideMessage):
    """A buildroot override expired: its build was untagged from the buildroot."""

    schema_name = "bodhi.buildroot_override.untag.v1"
    topic = "bodhi.buildroot_override.untag"

    def summarize(self) -> str:
        nvr, submitter = self._nvr(), self._submitter()
        what = f"The buildroot override for {nvr}" if nvr else "A buildroot override"
        return f"{what}, submitted by {submitter}, expired" if submitter else f"{what} expired"
