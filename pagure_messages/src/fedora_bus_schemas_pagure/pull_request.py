"""Messages about pull-requests."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from fedora_bus_schemas_core.access import dig, flag, integer, mapping, text
from fedora_bus_schemas_core.text import sentence_start

from .base import (
    PullRequestMessage,
    excerpt,
    flag_details,
    flag_sentence,
    person,
    short_hash,
    tag_list,
    tags_phrase,
)


class PullRequestNewV1(PullRequestMessage):
    """Someone opened a pull-request."""

    schema_name = "pagure.pull-request.new"
    topic = "pagure.pull-request.new"

    def summarize(self) -> str:
        return self._with_title(f"{self._who()} opened {self._pr_on_project()}")

    def details(self) -> list[tuple[str, str]]:
        return [*super().details(), ("Description", excerpt(text(self._pull_request(), "initial_comment")))]


class PullRequestClosedV1(PullRequestMessage):
    """Someone merged a pull-request, or closed it without merging."""

    schema_name = "pagure.pull-request.closed"
    topic = "pagure.pull-request.closed"

    def _merged(self) -> bool | None:
        merged = flag(self.body, "merged")
        if merged is None:
            status = text(self._pull_request(), "status").lower()
            merged = {"merged": True, "closed": False}.get(status)
        return merged

    def summarize(self) -> str:
        merged = self._merged()
        if merged:
            return self._with_title(f"{self._who()} merged {self._pr_on_project()}")
        tail = " without merging it" if merged is False else ""
        return self._with_title(f"{self._who()} closed {self._pr_on_project()}{tail}")


class PullRequestReopenedV1(PullRequestMessage):
    """Someone reopened a closed pull-request."""

    schema_name = "pagure.pull-request.reopened"
    topic = "pagure.pull-request.reopened"

    def summarize(self) -> str:
        return self._with_title(f"{self._who()} reopened {self._pr_on_project()}")


class _PullRequestRefreshed(PullRequestMessage):
    """Pagure refreshed a pull-request after a push to its source branch (agent 'pagure')."""

    system_agents = frozenset({"pagure"})
    #: What happened, as a passive phrase after the pull-request.
    passive = ""
    #: What happened, as an active phrase after someone who is not Pagure.
    active = ""

    def summarize(self) -> str:
        if self._agent():
            return self._with_title(f"{self._agent()} {self.active} {self._pr_on_project()}")
        return self._with_title(sentence_start(f"{self._pr_on_project()} {self.passive}"))

    def details(self) -> list[tuple[str, str]]:
        pull_request = self._pull_request()
        first = short_hash(text(pull_request, "commit_start"))
        last = short_hash(text(pull_request, "commit_stop"))
        commits = f"{first}..{last}" if first and last and first != last else last or first
        return [*super().details(), ("Commits", commits)]


class PullRequestUpdatedV1(_PullRequestRefreshed):
    """New commits were pushed to the source branch of a pull-request."""

    schema_name = "pagure.pull-request.updated"
    topic = "pagure.pull-request.updated"
    passive = "received new commits"
    active = "pushed new commits to"


class PullRequestRebasedV1(_PullRequestRefreshed):
    """The source branch of a pull-request was rebased."""

    schema_name = "pagure.pull-request.rebased"
    topic = "pagure.pull-request.rebased"
    passive = "was rebased"
    active = "rebased"


class PullRequestCommentAddedV1(PullRequestMessage):
    """Someone commented on a pull-request."""

    schema_name = "pagure.pull-request.comment.added"
    topic = "pagure.pull-request.comment.added"

    def _comment(self) -> Any:
        comments = dig(self._pull_request(), "comments")
        return comments[-1] if isinstance(comments, list) and comments else None

    def summarize(self) -> str:
        comment = self._comment()
        where = ""
        filename = text(comment, "filename")
        if filename:
            line = integer(comment, "line")
            where = f" (on {filename}, line {line})" if line is not None else f" (on {filename})"
        return self._with_title(f"{self._who()} commented on {self._pr_on_project()}{where}")

    @property
    def url(self) -> str | None:
        """The new comment (the last one) on the pull-request's page."""
        return self._comment_url(self._last_comment_id())

    def details(self) -> list[tuple[str, str]]:
        return [*super().details(), ("Comment", excerpt(text(self._comment(), "comment")))]


class PullRequestCommentEditedV1(PullRequestMessage):
    """Someone edited a comment on a pull-request."""

    schema_name = "pagure.pull-request.comment.edited"
    topic = "pagure.pull-request.comment.edited"

    def summarize(self) -> str:
        author = person(mapping(self.body, "comment", "user"))
        whose = "a" if not author or author == self._agent() else f"{author}'s"
        return self._with_title(f"{self._who()} edited {whose} comment on {self._pr_on_project()}")

    @property
    def url(self) -> str | None:
        comment_id = integer(self.body, "comment", "id")
        return self._comment_url(comment_id if comment_id is not None else self._last_comment_id())

    def details(self) -> list[tuple[str, str]]:
        return [
            *super().details(),
            ("Comment by", person(mapping(self.body, "comment", "user"))),
            ("Comment", excerpt(text(self.body, "comment", "comment"))),
        ]


class PullRequestInitialCommentEditedV1(PullRequestMessage):
    """Someone edited the title, description or target branch of a pull-request."""

    schema_name = "pagure.pull-request.initial_comment.edited"
    topic = "pagure.pull-request.initial_comment.edited"

    def summarize(self) -> str:
        return self._with_title(f"{self._who()} edited the description of {self._pr_on_project()}")

    def details(self) -> list[tuple[str, str]]:
        return [*super().details(), ("Description", excerpt(text(self._pull_request(), "initial_comment")))]


class _PullRequestAssigned(PullRequestMessage):
    """Shared wording of pull-request.assigned.added and its legacy twin request.assigned.added."""

    def summarize(self) -> str:
        assignee = person(mapping(self._pull_request(), "assignee"))
        if assignee and assignee == self._agent():
            return self._with_title(f"{self._who()} took {self._pr_on_project()}")
        target = f" to {assignee}" if assignee else ""
        return self._with_title(f"{self._who()} assigned {self._pr_on_project()}{target}")


class _PullRequestUnassigned(PullRequestMessage):
    """Shared wording of pull-request.assigned.reset and its legacy twin request.assigned.reset."""

    def summarize(self) -> str:
        return self._with_title(f"{self._who()} unassigned {self._pr_on_project()}")


class PullRequestAssignedAddedV1(_PullRequestAssigned):
    """Someone assigned a pull-request to a user."""

    schema_name = "pagure.pull-request.assigned.added"
    topic = "pagure.pull-request.assigned.added"


class PullRequestAssignedResetV1(_PullRequestUnassigned):
    """Someone removed the assignee of a pull-request."""

    schema_name = "pagure.pull-request.assigned.reset"
    topic = "pagure.pull-request.assigned.reset"


class RequestAssignedAddedV1(_PullRequestAssigned):
    """Someone assigned a pull-request to a user (legacy twin of pagure.pull-request.assigned.added).

    Pagure sends this topic just before ``pagure.pull-request.assigned.added`` for the same event,
    with the pull-request under both ``request`` and ``pullrequest``; consumers that handle the
    current topic can ignore this one.
    """

    schema_name = "pagure.request.assigned.added.v1"
    topic = "pagure.request.assigned.added"


class RequestAssignedResetV1(_PullRequestUnassigned):
    """Someone removed the assignee of a pull-request (legacy twin of pagure.pull-request.assigned.reset).

    Pagure sends this topic just before ``pagure.pull-request.assigned.reset`` for the same event;
    consumers that handle the current topic can ignore this one.
    """

    schema_name = "pagure.request.assigned.reset.v1"
    topic = "pagure.request.assigned.reset"


class _PullRequestFlagged(PullRequestMessage):
    """A service set or updated a flag on a pull-request."""

    #: True for flag.updated.
    updated = False

    def summarize(self) -> str:
        return flag_sentence(mapping(self.body, "flag"), self._who(), self._pr_on_project(), self.updated)

    def _people(self) -> Iterator[Any]:
        yield from super()._people()
        yield dig(self.body, "flag", "user", "name")

    def details(self) -> list[tuple[str, str]]:
        return [*super().details(), *flag_details(mapping(self.body, "flag"))]


class PullRequestFlagAddedV1(_PullRequestFlagged):
    """A service (usually CI) set a new flag on a pull-request."""

    schema_name = "pagure.pull-request.flag.added"
    topic = "pagure.pull-request.flag.added"


class PullRequestFlagUpdatedV1(_PullRequestFlagged):
    """A service updated a flag it had set on a pull-request."""

    schema_name = "pagure.pull-request.flag.updated"
    topic = "pagure.pull-request.flag.updated"
    updated = True


class PullRequestTagAddedV1(PullRequestMessage):
    """Someone added tags to a pull-request."""

    schema_name = "pagure.pull-request.tag.added"
    topic = "pagure.pull-request.tag.added"

    def summarize(self) -> str:
        tags = tag_list(dig(self.body, "tags"))
        with_tags = f" with {tags}" if tags else ""
        return self._with_title(f"{self._who()} tagged {self._pr_on_project()}{with_tags}")

    def details(self) -> list[tuple[str, str]]:
        return [*super().details(), ("Added", tag_list(dig(self.body, "tags")))]


class PullRequestTagRemovedV1(PullRequestMessage):
    """Someone removed tags from a pull-request."""

    schema_name = "pagure.pull-request.tag.removed"
    topic = "pagure.pull-request.tag.removed"

    def summarize(self) -> str:
        what = tags_phrase(dig(self.body, "tags")) or "tags"
        return self._with_title(f"{self._who()} removed {what} from {self._pr_on_project()}")

    def details(self) -> list[tuple[str, str]]:
        return [*super().details(), ("Removed", tag_list(dig(self.body, "tags")))]
