"""Comment messages: a comment on a job, a job group or a parent job group was written, edited
or deleted. openQA writes some comments itself (user ``system``), e.g. to carry a bug reference
over from an earlier failure of the same scenario.
"""

from __future__ import annotations

from typing import NamedTuple

from fedora_bus_schemas_core.access import optional_text, text, unique_sorted

from .base import OpenQAMessage


class Target(NamedTuple):
    """What a comment is on: how a sentence names it, and the path of its page."""

    label: str
    path: tuple[str, ...]


class CommentMessage(OpenQAMessage):
    """Base of the comment messages: the author, what the comment is on, and its page."""

    #: Whether the message's page shows the comment (a deleted one is gone).
    comment_on_page = True

    def _author(self) -> str:
        return text(self.body, "user")

    def _text(self) -> str:
        return text(self.body, "text")

    def _target(self) -> Target | None:
        job = text(self.body, "job_id")
        if job:
            return Target(f"openQA job {job}", ("tests", job))
        group = text(self.body, "group_id")
        if group:
            return Target(f"openQA job group {group}", ("group_overview", group))
        parent = text(self.body, "parent_group_id")
        if parent:
            return Target(f"openQA parent job group {parent}", ("parent_group_overview", parent))
        return None

    def _target_label(self) -> str:
        target = self._target()
        return target.label if target else "openQA"

    @property
    def url(self) -> str | None:
        """The page the comment is on, at the comment itself while it exists."""
        target = self._target()
        if target is None:
            return None
        comment = text(self.body, "id")
        anchor = f"comment-{comment}" if comment and self.comment_on_page else ""
        return self.page(*target.path, anchor=anchor)

    @property
    def agent_name(self) -> str | None:
        """The comment's author, who alone may write or edit it."""
        return optional_text(self.body, "user")

    @property
    def usernames(self) -> list[str]:
        """The comment's author."""
        return unique_sorted([self._author()])

    def _with_text(self, sentence: str) -> str:
        words = self._text()
        return f"{sentence}: {words}" if words else sentence

    def details(self) -> list[tuple[str, str]]:
        created, updated = text(self.body, "created"), text(self.body, "updated")
        return [
            ("Comment", text(self.body, "id")),
            ("Author", self._author()),
            ("On", self._target_label()),
            ("Written", created),
            ("Edited", updated if updated != created else ""),
            ("Carried over from job", text(self.body, "taken_over_from_job_id")),
            ("Text", self._text()),
        ]


class CommentCreateV1(CommentMessage):
    """Someone (or openQA itself) commented on an openQA job, job group or parent job group."""

    schema_name = "openqa.comment.create.v1"
    topic = "openqa.comment.create"

    def summarize(self) -> str:
        earlier = text(self.body, "taken_over_from_job_id")
        job = text(self.body, "job_id")
        if earlier and job:
            bug = text(self.body, "bugref") or "a bug reference"
            return f"openQA carried {bug} over to job {job} from job {earlier}"
        return self._with_text(f"{self._author() or 'Someone'} commented on {self._target_label()}")


class CommentUpdateV1(CommentMessage):
    """The author of a comment on openQA edited it."""

    schema_name = "openqa.comment.update.v1"
    topic = "openqa.comment.update"

    def summarize(self) -> str:
        who = self._author() or "Someone"
        return self._with_text(f"{who} edited a comment on {self._target_label()}")


class CommentDeleteV1(CommentMessage):
    """A comment on openQA is being deleted."""

    schema_name = "openqa.comment.delete.v1"
    topic = "openqa.comment.delete"
    comment_on_page = False

    @property
    def agent_name(self) -> str | None:
        """Unknown: the body names the comment's author, not who deleted it."""
        return None

    def summarize(self) -> str:
        author = self._author()
        by = f" by {author}" if author else ""
        return self._with_text(f"A comment{by} on {self._target_label()} was deleted")
