"""Messages about the issues of a project's tracker."""

from __future__ import annotations

from typing import Any

from fedora_bus_schemas_core.access import dig, integer, items, mapping, text
from fedora_bus_schemas_core.text import join_words

from .base import IssueMessage, excerpt, person, tag_list, tags_phrase

#: How sentences name the attributes ``pagure.issue.edit`` lists in ``fields``.
ISSUE_FIELDS = {
    "title": "title",
    "content": "description",
    "status": "status",
    "close_status": "close status",
    "priority": "priority",
    "private": "privacy",
    "milestone": "milestone",
}


def _issue_numbers(values: Any) -> list[str]:
    """``#40``-style references from a number or a list of numbers."""
    values = values if isinstance(values, list) else [values]
    found = []
    for value in values:
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, (int, str)) and not isinstance(value, bool) and str(value).strip():
            found.append(f"#{str(value).strip()}")
    return found


class IssueNewV1(IssueMessage):
    """Someone opened an issue on a project."""

    schema_name = "pagure.issue.new"
    topic = "pagure.issue.new"

    def summarize(self) -> str:
        return self._with_title(f"{self._who()} opened {self._issue_on_project()}")

    def details(self) -> list[tuple[str, str]]:
        return [*super().details(), ("Description", excerpt(text(self._issue(), "content")))]


class IssueEditV1(IssueMessage):
    """Someone changed an issue's title, description, status, close status, priority, privacy or milestone."""

    schema_name = "pagure.issue.edit"
    topic = "pagure.issue.edit"

    def _fields(self) -> list[str]:
        return [field for field in items(self.body, "fields") if isinstance(field, str) and field]

    def summarize(self) -> str:
        fields = self._fields()
        issue = self._issue()
        others = [
            ISSUE_FIELDS.get(field, field) for field in fields if field not in ("status", "close_status")
        ]
        also = f" and changed its {join_words(others)}" if others else ""
        if "status" in fields and text(issue, "status"):
            if text(issue, "status").lower() == "open":
                action = f"reopened {self._issue_on_project()}"
            else:
                reason = text(issue, "close_status")
                action = f"closed {self._issue_on_project()}" + (f" as {reason}" if reason else "")
            return self._with_title(f"{self._who()} {action}{also}")
        if "close_status" in fields and not others:
            reason = text(issue, "close_status")
            if reason:
                return self._with_title(
                    f"{self._who()} changed the close status of {self._issue_on_project()} to {reason}"
                )
        words = [ISSUE_FIELDS.get(field, field) for field in fields]
        what = f"the {join_words(words)} of " if words else ""
        return self._with_title(f"{self._who()} edited {what}{self._issue_on_project()}")

    def details(self) -> list[tuple[str, str]]:
        changed = join_words([ISSUE_FIELDS.get(field, field) for field in self._fields()])
        return [*super().details(), ("Changed", changed)]


class IssueDropV1(IssueMessage):
    """Someone deleted an issue."""

    schema_name = "pagure.issue.drop"
    topic = "pagure.issue.drop"

    def summarize(self) -> str:
        return self._with_title(f"{self._who()} deleted {self._issue_on_project()}")

    @property
    def url(self) -> str | None:
        """The project's issue list: the issue's own page is gone."""
        project = self._project_url()
        return f"{project}/issues" if project else None


class IssueAssignedAddedV1(IssueMessage):
    """Someone assigned an issue to a user."""

    schema_name = "pagure.issue.assigned.added"
    topic = "pagure.issue.assigned.added"

    def summarize(self) -> str:
        assignee = person(mapping(self._issue(), "assignee"))
        who = self._who()
        if assignee and assignee == self._agent():
            return self._with_title(f"{who} took {self._issue_on_project()}")
        target = f" to {assignee}" if assignee else ""
        return self._with_title(f"{who} assigned {self._issue_on_project()}{target}")


class IssueAssignedResetV1(IssueMessage):
    """Someone removed the assignee of an issue."""

    schema_name = "pagure.issue.assigned.reset"
    topic = "pagure.issue.assigned.reset"

    def summarize(self) -> str:
        return self._with_title(f"{self._who()} unassigned {self._issue_on_project()}")


class IssueCommentAddedV1(IssueMessage):
    """Someone commented on an issue."""

    schema_name = "pagure.issue.comment.added"
    topic = "pagure.issue.comment.added"

    def _comment(self) -> Any:
        comments = items(self._issue(), "comments")
        return comments[-1] if comments else None

    def summarize(self) -> str:
        return self._with_title(f"{self._who()} commented on {self._issue_on_project()}")

    @property
    def url(self) -> str | None:
        """The new comment (the last one) on the issue's page."""
        return self._comment_url(integer(self._comment(), "id"))

    def details(self) -> list[tuple[str, str]]:
        return [*super().details(), ("Comment", excerpt(text(self._comment(), "comment")))]


class IssueCommentEditedV1(IssueMessage):
    """Someone edited a comment on an issue."""

    schema_name = "pagure.issue.comment.edited.v1"
    topic = "pagure.issue.comment.edited"

    def summarize(self) -> str:
        author = person(mapping(self.body, "comment", "user"))
        whose = "a" if not author or author == self._agent() else f"{author}'s"
        return self._with_title(f"{self._who()} edited {whose} comment on {self._issue_on_project()}")

    @property
    def url(self) -> str | None:
        return self._comment_url(integer(self.body, "comment", "id"))

    def details(self) -> list[tuple[str, str]]:
        return [
            *super().details(),
            ("Comment by", person(mapping(self.body, "comment", "user"))),
            ("Comment", excerpt(text(self.body, "comment", "comment"))),
        ]


class IssueDependencyAddedV1(IssueMessage):
    """Someone made an issue block another one (the other one now depends on it)."""

    schema_name = "pagure.issue.dependency.added"
    topic = "pagure.issue.dependency.added"

    def summarize(self) -> str:
        blocked = join_words(_issue_numbers(dig(self.body, "added_dependency")))
        target = f" as blocking issue {blocked}" if blocked else " as blocking another issue"
        return self._with_title(f"{self._who()} marked {self._issue_on_project()}{target}")

    def details(self) -> list[tuple[str, str]]:
        blocked = join_words(_issue_numbers(dig(self.body, "added_dependency")))
        return [*super().details(), ("Now blocks", blocked)]


class IssueDependencyRemovedV1(IssueMessage):
    """Someone removed dependencies of an issue."""

    schema_name = "pagure.issue.dependency.removed"
    topic = "pagure.issue.dependency.removed"

    def summarize(self) -> str:
        removed = _issue_numbers(dig(self.body, "removed_dependency"))
        if removed:
            noun = "issue" if len(removed) == 1 else "issues"
            what = f"{noun} {join_words(removed)} from the dependencies of"
        else:
            what = "a dependency of"
        return self._with_title(f"{self._who()} removed {what} {self._issue_on_project()}")

    def details(self) -> list[tuple[str, str]]:
        removed = join_words(_issue_numbers(dig(self.body, "removed_dependency")))
        return [*super().details(), ("No longer depends on", removed)]


class IssueTagAddedV1(IssueMessage):
    """Someone added tags to an issue."""

    schema_name = "pagure.issue.tag.added"
    topic = "pagure.issue.tag.added"

    def summarize(self) -> str:
        tags = tag_list(dig(self.body, "tags"))
        with_tags = f" with {tags}" if tags else ""
        return self._with_title(f"{self._who()} tagged {self._issue_on_project()}{with_tags}")

    def details(self) -> list[tuple[str, str]]:
        return [*super().details(), ("Added", tag_list(dig(self.body, "tags")))]


class IssueTagRemovedV1(IssueMessage):
    """Someone removed tags from an issue."""

    schema_name = "pagure.issue.tag.removed"
    topic = "pagure.issue.tag.removed"

    def summarize(self) -> str:
        what = tags_phrase(dig(self.body, "tags")) or "tags"
        return self._with_title(f"{self._who()} removed {what} from {self._issue_on_project()}")

    def details(self) -> list[tuple[str, str]]:
        return [*super().details(), ("Removed", tag_list(dig(self.body, "tags")))]
