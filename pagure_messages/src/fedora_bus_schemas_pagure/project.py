"""Messages about projects: creation, forks, settings, access, tags."""

from __future__ import annotations

from typing import Any

from fedora_bus_schemas_core import urls
from fedora_bus_schemas_core.access import dig, items, mapping, text
from fedora_bus_schemas_core.text import join_words

from .base import ProjectMessage, excerpt, fork_owner, project_label, project_path, tags_phrase


def _branches(branches: str) -> str:
    """`` (branches f41, epel*)`` for collaborator access limited to branches, else ''."""
    limited = ", ".join(part.strip() for part in branches.split(",") if part.strip())
    return f" (branches {limited})" if limited else ""


def _access(level: str, branches: str) -> str:
    """``commit access``, ``collaborator access (branches f41, epel*)``."""
    return (f"{level} access" if level else "access") + _branches(branches)


def _new_level(level: str, branches: str) -> str:
    """`` to admin``, `` to collaborator (branches f41)``; '' without a level."""
    return f" to {level}{_branches(branches)}" if level else ""


class ProjectNewV1(ProjectMessage):
    """Someone created a project."""

    schema_name = "pagure.project.new"
    topic = "pagure.project.new"

    def summarize(self) -> str:
        return f"{self._who()} created the project {self._project_label()}"

    def details(self) -> list[tuple[str, str]]:
        return [*super().details(), ("Description", excerpt(text(self._project(), "description")))]


class ProjectEditV1(ProjectMessage):
    """Someone changed the settings of a project."""

    schema_name = "pagure.project.edit"
    topic = "pagure.project.edit"

    def _fields(self) -> list[str]:
        return [field for field in items(self.body, "fields") if isinstance(field, str) and field]

    def summarize(self) -> str:
        fields = self._fields()
        if not fields:
            return f"{self._who()} changed the settings of {self._project_label()}"
        noun = "setting" if len(fields) == 1 else "settings"
        return f"{self._who()} changed the {join_words(fields)} {noun} of {self._project_label()}"

    def details(self) -> list[tuple[str, str]]:
        return [*super().details(), ("Changed", join_words(self._fields()))]


class ProjectForkedV1(ProjectMessage):
    """Someone forked a project."""

    schema_name = "pagure.project.forked"
    topic = "pagure.project.forked"

    def _original(self) -> str:
        fork = self._project()
        return project_label(mapping(fork, "parent")) or project_path(fork) or "a project"

    def summarize(self) -> str:
        return f"{self._who()} forked {self._original()}"

    def details(self) -> list[tuple[str, str]]:
        return [
            ("Project", self._original()),
            ("Fork", text(self._project(), "fullname") or project_label(self._project())),
            ("By", self._agent()),
        ]


class ProjectDeletedV1(ProjectMessage):
    """Someone deleted a project."""

    schema_name = "pagure.project.deleted"
    topic = "pagure.project.deleted"

    def summarize(self) -> str:
        project = self._project()
        label = self._project_label()
        what = label if fork_owner(project) else f"the project {label}"
        return f"{self._who()} deleted {what}"

    @property
    def url(self) -> str | None:
        """For a fork, the project it was forked from; a deleted project has no page."""
        return urls.web(dig(self._project(), "parent", "full_url"))


class ProjectTagEditedV1(ProjectMessage):
    """Someone renamed, redescribed or recoloured one of a project's tags."""

    schema_name = "pagure.project.tag.edited"
    topic = "pagure.project.tag.edited"

    def summarize(self) -> str:
        old = text(self.body, "old_tag")
        new = text(self.body, "new_tag")
        if old and new and old != new:
            return f"{self._who()} renamed the tag {old} of {self._project_label()} to {new}"
        tag = new or old
        what = f"the tag {tag}" if tag else "a tag"
        return f"{self._who()} edited {what} of {self._project_label()}"

    def details(self) -> list[tuple[str, str]]:
        def described(prefix: str) -> str:
            tag = text(self.body, f"{prefix}_tag")
            extras = [text(self.body, f"{prefix}_tag_description"), text(self.body, f"{prefix}_tag_color")]
            extra = ", ".join(value for value in extras if value)
            return f"{tag} ({extra})" if tag and extra else tag

        return [*super().details(), ("Before", described("old")), ("After", described("new"))]


class ProjectTagRemovedV1(ProjectMessage):
    """Someone deleted tags of a project."""

    schema_name = "pagure.project.tag.removed"
    topic = "pagure.project.tag.removed"

    def summarize(self) -> str:
        what = tags_phrase(dig(self.body, "tags")) or "tags"
        return f"{self._who()} deleted {what} of {self._project_label()}"


class _AccessGivenMessage(ProjectMessage):
    """Base of the messages giving a user or a group access to a project (one sentence for both)."""

    def _grantee(self) -> str:
        """Who got the access, as the sentence names them."""
        return ""

    def summarize(self) -> str:
        access = _access(text(self.body, "access"), text(self.body, "branches"))
        return f"{self._who()} gave {self._grantee()} {access} to {self._project_label()}"


class _AccessUpdatedMessage(ProjectMessage):
    """Base of the messages changing the access level of a user or a group (one sentence for both)."""

    def _whose(self) -> str:
        """Whose access changed: ``jsmith's access``, ``the access of the group infra``."""
        return ""

    def _limited_to(self) -> str:
        """The branches the new access is limited to (Pagure's ``new_branches``)."""
        return text(self.body, "new_branches")

    def summarize(self) -> str:
        level = _new_level(text(self.body, "new_access"), self._limited_to())
        verb = "set" if level else "changed"
        return f"{self._who()} {verb} {self._whose()} on {self._project_label()}{level}"


class ProjectUserAddedV1(_AccessGivenMessage):
    """Someone gave a user access to a project."""

    schema_name = "pagure.project.user.added"
    topic = "pagure.project.user.added"

    def _grantee(self) -> str:
        return text(self.body, "new_user") or "someone"


class ProjectUserAccessUpdatedV1(_AccessUpdatedMessage):
    """Someone changed the access level of a user on a project."""

    schema_name = "pagure.project.user.access.updated"
    topic = "pagure.project.user.access.updated"

    def _whose(self) -> str:
        user = text(self.body, "new_user")
        return f"{user}'s access" if user else "the access of a user"


class ProjectUserRemovedV1(ProjectMessage):
    """Someone removed a user's access to a project."""

    schema_name = "pagure.project.user.removed"
    topic = "pagure.project.user.removed"

    def summarize(self) -> str:
        user = text(self.body, "removed_user") or "a user"
        return f"{self._who()} removed {user} from {self._project_label()}"


class ProjectGroupAddedV1(_AccessGivenMessage):
    """Someone gave a Pagure group access to a project."""

    schema_name = "pagure.project.group.added"
    topic = "pagure.project.group.added"

    def _grantee(self) -> str:
        group = text(self.body, "new_group")
        return f"the group {group}" if group else "a group"


class ProjectGroupAccessUpdatedV1(_AccessUpdatedMessage):
    """Someone changed the access level of a Pagure group on a project."""

    schema_name = "pagure.project.group.access.updated"
    topic = "pagure.project.group.access.updated"

    def _limited_to(self) -> str:
        # Pagure sends new_branches; pagure-messages 1.3.3 declared branches.
        return super()._limited_to() or text(self.body, "branches")

    def _whose(self) -> str:
        group = text(self.body, "new_group")
        return f"the access of the group {group}" if group else "the access of a group"


class ProjectGroupRemovedV1(ProjectMessage):
    """Someone removed a Pagure group's access to a project."""

    schema_name = "pagure.project.group.removed"
    topic = "pagure.project.group.removed"

    def summarize(self) -> str:
        groups = sorted({group for group in items(self.body, "removed_groups") if _named(group)})
        if groups:
            noun = "group" if len(groups) == 1 else "groups"
            what = f"the {noun} {join_words(groups)}"
        else:
            what = "a group"
        return f"{self._who()} removed {what} from {self._project_label()}"


def _named(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())
