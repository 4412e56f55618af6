"""Gating subjects: what Greenwave, WaiverDB and ResultsDB decide, waive and test.

A subject is a ``(subject_type, subject_identifier)`` pair, e.g. ``("koji_build",
"python-requests-2.32.3-1.fc41")``, ``("bodhi_update", "FEDORA-2024-5a3c9e1f2b")`` or
``("compose", "Fedora-Rawhide-20241105.n.0")``.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from . import access, urls
from .nvr import package_name

#: Subject types whose identifier is the NVR of an RPM build (``brew-build`` is Koji's alias).
BUILD_TYPES = frozenset({"koji_build", "brew-build"})
#: Subject types that name a compose (``productmd-compose`` is the Fedora CI spelling).
COMPOSE_TYPES = frozenset({"compose", "productmd-compose"})
#: Key that identifies a compose in the deprecated subject dictionaries and in ResultsDB data.
COMPOSE_ID_KEY = "productmd.compose.id"

BODHI_UPDATE_URL = "https://bodhi.fedoraproject.org/updates/{}"
KOJI_SEARCH_URL = "https://koji.fedoraproject.org/koji/search"


def bodhi_update_url(alias: str) -> str | None:
    """The page of a Bodhi update, ``https://bodhi.fedoraproject.org/updates/<alias>``."""
    quoted = urls.segment(alias)
    return BODHI_UPDATE_URL.format(quoted) if quoted else None


class Subject(NamedTuple):
    type: str
    identifier: str

    @property
    def label(self) -> str:
        """How a sentence names the subject: the NVR itself, ``update FEDORA-…``, ``compose …``."""
        if not self.identifier:
            return f"an unnamed {self.type or 'subject'}"
        if self.type in BUILD_TYPES:
            return self.identifier
        if self.type == "bodhi_update":
            return f"update {self.identifier}"
        if self.type in COMPOSE_TYPES:
            return f"compose {self.identifier}"
        if self.type:
            return f"{self.type.replace('_', ' ')} {self.identifier}"
        return self.identifier

    @property
    def packages(self) -> list[str]:
        """The RPM package a build subject is of; no packages for other subjects."""
        name = package_name(self.identifier) if self.type in BUILD_TYPES else None
        return [name] if name else []

    @property
    def url(self) -> str | None:
        """Where a person looks the subject up: the Bodhi update page or the Koji build."""
        if not self.identifier:
            return None
        if self.type == "bodhi_update":
            return bodhi_update_url(self.identifier)
        if self.type in BUILD_TYPES:
            return urls.with_query(KOJI_SEARCH_URL, terms=self.identifier, type="build", match="exact")
        return None


def subject_of(body: Any) -> Subject:
    """The subject of a Greenwave decision or a WaiverDB waiver, from any body.

    Current bodies carry ``subject_type`` and ``subject_identifier``; older ones only the
    deprecated ``subject`` dictionary (or a list of them), which is used as a fallback.
    """
    subject_type = access.text(body, "subject_type")
    identifier = access.text(body, "subject_identifier")
    if subject_type and identifier:
        return Subject(subject_type, identifier)
    legacy = access.dig(body, "subject")
    if isinstance(legacy, list):
        legacy = legacy[0] if legacy else None
    return subject_from_dict(legacy, subject_type, identifier)


def subject_from_dict(data: Any, subject_type: str = "", identifier: str = "") -> Subject:
    """A subject from a ``{type, item}`` or ``{"productmd.compose.id": …}`` dictionary."""
    compose = access.text(data, COMPOSE_ID_KEY)
    if compose:
        return Subject(subject_type or "compose", identifier or compose)
    return Subject(
        subject_type or access.text(data, "type"),
        identifier or access.text(data, "item") or access.text(data, "nvr"),
    )
