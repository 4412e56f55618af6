"""Messages about flags that services set on commits."""

from __future__ import annotations

from fedora_bus_schemas_core import urls
from fedora_bus_schemas_core.access import mapping, text

from .base import PagureMessage, flag_details, flag_sentence, short_hash


class _CommitFlagged(PagureMessage):
    """A service set or updated a flag on a commit."""

    #: True for commit.flag.updated.
    updated = False

    def _commit(self) -> str:
        return text(self.body, "flag", "commit_hash")

    def summarize(self) -> str:
        commit = short_hash(self._commit())
        target = (
            f"commit {commit} of {self._project_label()}"
            if commit
            else f"a commit of {self._project_label()}"
        )
        return flag_sentence(mapping(self.body, "flag"), self._who(), target, self.updated)

    @property
    def url(self) -> str | None:
        """The flagged commit."""
        return urls.join(self._project_url(), "c", self._commit()) or self._project_url()

    def details(self) -> list[tuple[str, str]]:
        return [*super().details(), *flag_details(mapping(self.body, "flag"))]


class CommitFlagAddedV1(_CommitFlagged):
    """A service (usually CI) set a new flag on a commit."""

    schema_name = "pagure.commit.flag.added"
    topic = "pagure.commit.flag.added"


class CommitFlagUpdatedV1(_CommitFlagged):
    """A service updated a flag it had set on a commit."""

    schema_name = "pagure.commit.flag.updated"
    topic = "pagure.commit.flag.updated"
    updated = True
