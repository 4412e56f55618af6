"""Anitya's messages about projects: edits, flags, distribution mappings and versions."""

from __future__ import annotations

from typing import Any

from fedora_bus_schemas_core.access import dig, integer, items, mapping, text, texts
from fedora_bus_schemas_core.text import join_words

from .base import (
    FLAGS_URL,
    VERSIONS_NAMED,
    AnityaMessage,
    ProjectMessage,
    counted_versions,
    distro_url,
    shown,
)

#: How a sentence names each project setting ``anitya.project.edit`` reports.
SETTING_NAMES = {
    "name": "name",
    "homepage": "homepage",
    "backend": "backend",
    "version_scheme": "version scheme",
    "version_pattern": "version pattern",
    "version_url": "version URL",
    "version_prefix": "version prefix",
    "pre_release_filter": "pre-release filter",
    "version_filter": "version filter",
    "regex": "regex",
    "insecure": "insecure setting",
    "releases_only": "releases-only setting",
    "archived": "archived setting",
}

#: What a flag's new state means, as a verb.
FLAG_STATE_VERBS = {"closed": "closed", "open": "reopened"}


def setting_names(fields: list[str]) -> str:
    """``homepage and version URL``: the settings as a sentence names them."""
    return join_words([SETTING_NAMES.get(name, name.replace("_", " ")) for name in fields])


class ProjectCreated(ProjectMessage):
    """A project was added to Anitya, through the web interface or API v2."""

    schema_name = "anitya.project.add"
    topic = "anitya.project.add"

    def summarize(self) -> str:
        return f"{self._who()} added {self._project_label()} to release-monitoring.org"


class ProjectEdited(ProjectMessage):
    """A project's settings were edited in Anitya (sent only when at least one setting changed)."""

    schema_name = "anitya.project.edit"
    topic = "anitya.project.edit"

    @property
    def changes(self) -> dict[str, dict[str, Any]]:
        """Each changed setting with its ``old`` and ``new`` value (fedmsg-era messages had none)."""
        found = {}
        for name, change in mapping(self._message(), "changes").items():
            if isinstance(name, str) and isinstance(change, dict):
                found[name] = {"old": change.get("old"), "new": change.get("new")}
        return found

    @property
    def fields(self) -> list[str]:
        """Names of the changed settings."""
        return list(self.changes) or texts(items(self._message(), "fields"))

    def summarize(self) -> str:
        who, fields, changes = self._who(), self.fields, self.changes
        if fields == ["archived"] and isinstance(changes.get("archived", {}).get("new"), bool):
            verb = "archived" if changes["archived"]["new"] else "unarchived"
            return f"{who} {verb} {self._project_label()}"
        if fields == ["name"] and all(
            isinstance(changes.get("name", {}).get(key), str) for key in ("old", "new")
        ):
            return f"{who} renamed the project {changes['name']['old']} to {changes['name']['new']}"
        if not fields:
            return f"{who} edited {self._project_label()}"
        return f"{who} changed the {setting_names(fields)} of {self._project_name() or 'a project'}"

    def details(self) -> list[tuple[str, str]]:
        changed = [
            (f"Changed {setting_names([name])}", f"{shown(change['old'])} → {shown(change['new'])}")
            for name, change in self.changes.items()
        ]
        if not changed:
            changed = [("Changed", setting_names(self.fields))]
        return [*self._project_details(), *changed, ("Agent", self.agent_name or "")]


class ProjectDeleted(ProjectMessage):
    """A project was deleted from Anitya, by an administrator or by Anitya itself.

    Anitya deletes a project itself (agent ``anitya``) when its version checks keep failing and it
    has no distribution mapping or no version.
    """

    schema_name = "anitya.project.remove"
    topic = "anitya.project.remove"

    def summarize(self) -> str:
        sentence = f"{self._who()} deleted {self._project_label()} from release-monitoring.org"
        if self._who() == "Anitya":
            sentence += " after its version checks kept failing"
        return sentence


class ProjectFlag(ProjectMessage):
    """Someone flagged a project for the attention of Anitya's administrators."""

    schema_name = "anitya.project.flag"
    topic = "anitya.project.flag"

    @property
    def reason(self) -> str:
        """Why the project was flagged, as its author wrote it."""
        return text(self._message(), "reason")

    @property
    def flag_url(self) -> str:
        """The administrators' list of flags."""
        return FLAGS_URL

    def summarize(self) -> str:
        sentence = f"{self._who()} flagged {self._project_label()}"
        reason = self.reason
        return f"{sentence}: {reason}" if reason else sentence

    def details(self) -> list[tuple[str, str]]:
        return [("Reason", self.reason), *super().details()]


class ProjectFlagSet(AnityaMessage):
    """An administrator closed or reopened a flag on a project (the message names only the flag)."""

    schema_name = "anitya.project.flag.set"
    topic = "anitya.project.flag.set"

    @property
    def flag(self) -> int | None:
        """Id of the flag."""
        return integer(self._message(), "flag")

    @property
    def state(self) -> str:
        """The flag's new state: ``closed`` or ``open``."""
        return text(self._message(), "state")

    @property
    def flag_url(self) -> str:
        """The administrators' list of flags."""
        return FLAGS_URL

    @property
    def url(self) -> str | None:
        return FLAGS_URL

    def summarize(self) -> str:
        flag_id = self.flag
        which = f"project flag {flag_id}" if flag_id is not None else "a project flag"
        state = self.state
        if not state:
            return f"{self._who()} changed the state of {which}"
        verb = FLAG_STATE_VERBS.get(state.lower())
        return f"{self._who()} {verb} {which}" if verb else f"{self._who()} set {which} to {state}"

    def details(self) -> list[tuple[str, str]]:
        flag_id = self.flag
        return [
            ("Flag", str(flag_id) if flag_id is not None else ""),
            ("State", self.state),
            ("Agent", self.agent_name or ""),
        ]


class MappingMessage(ProjectMessage):
    """Base of the messages about one distribution mapping of a project."""

    @property
    def distro(self) -> str:
        """Name of the mapping's distribution."""
        return text(self.body, "distro", "name") or text(self._message(), "distro")

    @property
    def distro_url(self) -> str | None:
        return distro_url(self.distro)

    def _package_of_distro(self) -> str:
        """``the Fedora package``, or ``the package`` when the body does not name the distribution."""
        return f"the {self.distro} package" if self.distro else "the package"

    def _mapping_label(self) -> str:
        """``the Fedora mapping``, or ``a mapping``."""
        return f"the {self.distro} mapping" if self.distro else "a mapping"


class ProjectMapCreated(MappingMessage):
    """A project was mapped to a package of a distribution."""

    schema_name = "anitya.project.map.new"
    topic = "anitya.project.map.new"

    @property
    def package_name(self) -> str:
        """Name of the package in the distribution."""
        return text(self._message(), "new")

    def _mapping_of_event(self) -> list[tuple[str, str]]:
        return [(self.distro, self.package_name)] if self.distro and self.package_name else []

    def summarize(self) -> str:
        target = self._project_name() or "a project"
        package, distro = self.package_name, self.distro
        if not package:
            return f"{self._who()} mapped {target} to {distro or 'a distribution'}"
        return f"{self._who()} mapped {target} to {self._package_of_distro()} {package}"


class ProjectMapEdited(MappingMessage):
    """A distribution mapping of a project was edited: its package renamed, or moved to another distro."""

    schema_name = "anitya.project.map.update"
    topic = "anitya.project.map.update"

    @property
    def package_name_new(self) -> str:
        return text(self._message(), "new")

    @property
    def package_name_prev(self) -> str:
        return text(self._message(), "prev")

    @property
    def edited(self) -> list[str]:
        """What changed: ``distribution`` and/or ``package_name``."""
        return texts(items(self._message(), "edited"))

    def _mapping_of_event(self) -> list[tuple[str, str]]:
        new = self.package_name_new
        return [(self.distro, new)] if self.distro and new else []

    def _former_mappings(self) -> list[tuple[str, str]]:
        prev = self.package_name_prev
        return [(self.distro, prev)] if self.distro and prev else []

    def summarize(self) -> str:
        who, target = self._who(), self._project_name() or "a project"
        prev, new = self.package_name_prev, self.package_name_new
        if prev and new and prev != new:
            return f"{who} renamed {self._package_of_distro()} of {target} from {prev} to {new}"
        if new and "distribution" in self.edited:
            return f"{who} moved the mapping of {target} to {self._package_of_distro()} {new}"
        if new:
            return f"{who} updated {self._mapping_label()} of {target} to the package {new}"
        return f"{who} updated {self._mapping_label()} of {target}"

    def details(self) -> list[tuple[str, str]]:
        return [
            ("Distribution", self.distro),
            ("Package", self.package_name_new),
            ("Previous package", self.package_name_prev),
            ("Edited", ", ".join(self.edited)),
            *super().details(),
        ]


class ProjectMapDeleted(MappingMessage):
    """A distribution mapping of a project was deleted (the message does not name the package)."""

    schema_name = "anitya.project.map.remove"
    topic = "anitya.project.map.remove"

    def summarize(self) -> str:
        target = self._project_name() or "a project"
        return f"{self._who()} deleted {self._mapping_label()} of {target}"

    def details(self) -> list[tuple[str, str]]:
        return [("Distribution", self.distro), *super().details()]


class VersionMessage(ProjectMessage):
    """Base of the new-version messages: what Anitya's check found."""

    @property
    def old_version(self) -> str:
        """The project's latest version before the check; empty when it had none."""
        return text(self._message(), "old_version")

    @property
    def versions(self) -> list[str]:
        """Every known version of the project after the check, newest first."""
        return texts(items(self._message(), "versions")) or self.project_versions

    @property
    def stable_versions(self) -> list[str]:
        """The known versions that are not pre-releases, newest first."""
        return texts(items(self._message(), "stable_versions"))

    def _found(self) -> list[str]:
        """The versions the check found."""
        return []

    def _prereleases(self, found: list[str]) -> list[str]:
        """The found versions that are pre-releases (known only when the message lists stable versions)."""
        if not isinstance(dig(self._message(), "stable_versions"), list):
            return []
        stable = set(self.stable_versions)
        return [version for version in found if version not in stable]

    def _one_found(self, version: str) -> str:
        name = self._project_name()
        sentence = (
            f"{name} {version} was found upstream"
            if name
            else f"Version {version} of a project was found upstream"
        )
        return sentence + (" (a pre-release)" if self._prereleases([version]) else "")

    def details(self) -> list[tuple[str, str]]:
        found = self._found()
        return [
            *self._project_details(),
            ("Found", join_words(found) if len(found) <= VERSIONS_NAMED else ", ".join(found)),
            ("Pre-releases found", ", ".join(self._prereleases(found))),
            ("Previous version", self.old_version or ("(none)" if found else "")),
            ("Packages", self._mapping_details()),
        ]


class ProjectVersionUpdated(VersionMessage):
    """Anitya found a new upstream version of a project (names only the latest version).

    Anitya still sends it for every check that finds new versions, together with
    ``anitya.project.version.update.v2`` (:class:`ProjectVersionUpdatedV2`), which lists every
    version found. anitya-schema's class warns that it is deprecated; the message is not.
    """

    schema_name = "anitya.project.version.update"
    topic = "anitya.project.version.update"

    @property
    def version(self) -> str:
        """The project's latest version after the check."""
        return text(self._message(), "upstream_version")

    @property
    def odd_change(self) -> bool:
        """True when the version found is older than the latest one known (fedmsg-era checks)."""
        return dig(self._message(), "odd_change") is True

    def _found(self) -> list[str]:
        return [self.version] if self.version else []

    def summarize(self) -> str:
        version, old = self.version, self.old_version
        if not version:
            name = self._project_name()
            return (
                f"A new version of {name} was found upstream" if name else "A new upstream version was found"
            )
        sentence = self._one_found(version)
        if self.odd_change and old:
            sentence += f", older than the latest known version {old}"
        return sentence


class ProjectVersionUpdatedV2(VersionMessage):
    """Anitya found new upstream versions of a project (lists every version found).

    Sent together with ``anitya.project.version.update`` for the same check; the-new-hotness
    files Fedora's new-version bugs from this one.
    """

    schema_name = "anitya.project.version.update.v2"
    topic = "anitya.project.version.update.v2"

    @property
    def upstream_versions(self) -> list[str]:
        """The versions this check found, oldest first."""
        return texts(items(self._message(), "upstream_versions"))

    def _found(self) -> list[str]:
        return self.upstream_versions

    def summarize(self) -> str:
        found, name = self.upstream_versions, self._project_name()
        of = f"of {name}" if name else "of a project"
        if not found:
            return f"New versions {of} were found upstream"
        if len(found) == 1:
            return self._one_found(found[0])
        sentence = f"{len(found)} new versions {of} were found upstream"
        if len(found) <= VERSIONS_NAMED:
            sentence = f"{sentence}: {join_words(found)}"
        else:
            latest = text(self._project(), "version")
            sentence = f"{sentence}, up to {latest if latest in found else found[-1]}"
        prereleases = self._prereleases(found)
        if not prereleases or len(found) > VERSIONS_NAMED:
            return sentence
        if len(prereleases) == len(found):
            return f"{sentence} (all pre-releases)"
        verb = "is a pre-release" if len(prereleases) == 1 else "are pre-releases"
        return f"{sentence} ({join_words(prereleases)} {verb})"


class VersionRemovalMessage(ProjectMessage):
    """Base of the version-deletion messages."""

    def _deleted(self) -> list[str]:
        """The deleted versions."""
        return []

    def summarize(self) -> str:
        deleted, name = self._deleted(), self._project_name()
        of = f"of {name}" if name else "of a project"
        if not deleted:
            return f"{self._who()} deleted the versions {of}"
        return f"{self._who()} deleted {counted_versions(deleted)} {of}"

    def details(self) -> list[tuple[str, str]]:
        return [("Deleted", ", ".join(self._deleted())), *super().details()]


class ProjectVersionDeleted(VersionRemovalMessage):
    """An administrator deleted a version of a project (sent until October 2022; now the ``.v2`` topic)."""

    schema_name = "anitya.project.version.remove"
    topic = "anitya.project.version.remove"

    @property
    def version(self) -> str:
        """The deleted version."""
        return text(self._message(), "version")

    def _deleted(self) -> list[str]:
        return [self.version] if self.version else []


class ProjectVersionDeletedV2(VersionRemovalMessage):
    """An administrator deleted one version, or every version, of a project."""

    schema_name = "anitya.project.version.remove.v2"
    topic = "anitya.project.version.remove.v2"

    @property
    def versions(self) -> list[str]:
        """The deleted versions."""
        return texts(items(self._message(), "versions"))

    def _deleted(self) -> list[str]:
        return self.versions
