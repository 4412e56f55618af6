"""Messages about one update: comments, edits, requests, pushes, karma and readiness for testing."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from fedora_messaging.message import DEBUG

from fedora_bus_schemas_core import urls
from fedora_bus_schemas_core.access import (
    dig,
    flag,
    integer,
    items,
    mapping,
    optional_text,
    text,
    texts,
    unique_sorted,
)
from fedora_bus_schemas_core.nvr import package_name
from fedora_bus_schemas_core.text import join_words, plural

from .base import COMPOSES_URL, UpdateMessage, UserV1, mentions, signed

#: Words for a feedback value on a bug or a test case.
FEEDBACK_WORDS = {1: "works", 0: "untested", -1: "fails"}

#: How many bugs a sentence names before it counts them.
BUGS_NAMED = 3


def _feedback(entry: Any) -> str:
    value = integer(entry, "feedback")
    if value is None:
        value = integer(entry, "karma")
    return FEEDBACK_WORDS.get(value, signed(value)) if value is not None else ""


def _nvr_phrase(nvrs: list[str]) -> str:
    return join_words(nvrs) if len(nvrs) <= BUGS_NAMED else plural(len(nvrs), "build")


class UpdateCommentV1(UpdateMessage):
    """Someone commented on an update, possibly giving karma and feedback on its bugs and test cases."""

    schema_name = "bodhi.update.comment.v1"
    topic = "bodhi.update.comment"

    def _comment(self) -> Mapping[str, Any]:
        return mapping(self.body, "comment")

    def _update(self) -> Mapping[str, Any]:
        return mapping(self._comment(), "update")

    def _alias(self) -> str:
        return super()._alias() or text(self._comment(), "update_alias")

    def _submitter(self) -> str:
        return super()._submitter() or text(self._comment(), "update_submitter")

    def _builds(self) -> list[tuple[str, str]]:
        found = super()._builds()
        if found:
            return found
        title = text(self._comment(), "update_title")
        return [("rpm", nvr) for nvr in re.split(r"[\s,]+", title) if package_name(nvr)]

    @property
    def agent_name(self) -> str | None:
        """The comment's author."""
        comment = self._comment()
        return (
            optional_text(comment, "user", "name")
            or optional_text(comment, "author")
            or optional_text(self.body, "agent")
        )

    def _related_usernames(self) -> list[Any]:
        return [*super()._related_usernames(), *mentions(dig(self._comment(), "text"))]

    def _karma(self) -> int:
        return integer(self._comment(), "karma") or 0

    @property
    def karma(self) -> int:
        """The karma the comment gives: 1, 0 or -1."""
        return self._karma()

    @property
    def user(self) -> UserV1:
        """The comment's author."""
        return UserV1(self.agent_name or "")

    def summarize(self) -> str:
        author = self.agent_name
        target = self._update_ref(agent=author)
        karma = self._karma()
        sentence = f"{author} commented on {target}" if author else f"New comment on {target}"
        if karma:
            sentence += f" (karma {signed(karma)})"
        comment_text = text(self._comment(), "text")
        return f"{sentence}: {comment_text}" if comment_text else sentence

    def details(self) -> list[tuple[str, str]]:
        comment = self._comment()
        bugs = [
            f"#{text(entry, 'bug_id') or text(entry, 'bug', 'bug_id')} {_feedback(entry)}".strip()
            for entry in items(comment, "bug_feedback")
        ]
        cases = [
            f"{text(entry, 'testcase', 'name') or text(entry, 'testcase_id')} {_feedback(entry)}".strip()
            for entry in items(comment, "testcase_feedback")
        ]
        return [
            ("Comment", text(comment, "text")),
            ("Author", self.agent_name or ""),
            ("Karma given", signed(self._karma()) if isinstance(dig(comment, "karma"), int) else ""),
            ("Bug feedback", ", ".join(bugs)),
            ("Test case feedback", ", ".join(cases)),
            ("Commented at", text(comment, "timestamp")),
            *self._update_details(),
        ]


class _UpdateCompleteMessage(UpdateMessage):
    """The composer finished pushing an update to a repository."""

    _where = ""

    def summarize(self) -> str:
        release = self._release_name()
        repository = f"the {release} {self._where} repository" if release else f"the {self._where} repository"
        return f"{self._update_subject()} was pushed to {repository}"


class UpdateCompleteStableV1(_UpdateCompleteMessage):
    """An update reached the stable repository at the end of a push."""

    schema_name = "bodhi.update.complete.stable.v1"
    topic = "bodhi.update.complete.stable"
    _where = "stable"


class UpdateCompleteTestingV1(_UpdateCompleteMessage):
    """An update reached the testing repository at the end of a push."""

    schema_name = "bodhi.update.complete.testing.v1"
    topic = "bodhi.update.complete.testing"
    _where = "testing"


class UpdateEditV1(UpdateMessage):
    """An update was edited (first version, naming only the bugs added)."""

    schema_name = "bodhi.update.edit.v1"
    topic = "bodhi.update.edit"
    deprecated = True
    replaced_by = "bodhi.update.edit.v2"

    def _list(self, key: str) -> list[str]:
        return texts(str(value) if isinstance(value, int) else value for value in items(self.body, key))

    @property
    def new_bugs(self) -> list[int]:
        """The bug numbers newly associated with the update."""
        return [value for value in items(self.body, "new_bugs") if isinstance(value, int)]

    def _changes(self) -> list[str]:
        changes = []
        added, removed = self._list("new_builds"), self._list("removed_builds")
        if added:
            changes.append(f"added {_nvr_phrase(added)}")
        if removed:
            changes.append(f"removed {_nvr_phrase(removed)}")
        bugs = [f"#{number}" for number in self._list("new_bugs")]
        if bugs:
            named = join_words(bugs) if len(bugs) <= BUGS_NAMED else str(len(bugs))
            changes.append(f"linked {'bug' if len(bugs) == 1 else 'bugs'} {named}")
        return changes

    def summarize(self) -> str:
        agent, changes = self.agent_name, self._changes()
        # The builds are named by the changes when they changed.
        builds_changed = bool(self._list("new_builds") or self._list("removed_builds"))
        if agent:
            sentence = f"{agent} edited {self._update_ref(agent=agent, builds=not builds_changed)}"
        else:
            sentence = f"{self._update_subject()} was edited"
        return f"{sentence}: {join_words(changes)}" if changes else sentence

    def details(self) -> list[tuple[str, str]]:
        return [
            ("Edited by", self.agent_name or ""),
            ("Builds added", ", ".join(self._list("new_builds"))),
            ("Builds removed", ", ".join(self._list("removed_builds"))),
            ("Bugs added", ", ".join(f"#{number}" for number in self._list("new_bugs"))),
            *self._update_details(),
        ]


class UpdateEditV2(UpdateEditV1):
    """An update was edited: says which bugs and builds were added and which builds were removed."""

    schema_name = "bodhi.update.edit.v2"
    topic = "bodhi.update.edit"
    deprecated = False
    replaced_by = None

    @property
    def new_builds(self) -> list[str]:
        """The NVRs of the builds added to the update."""
        return self._list("new_builds")

    @property
    def removed_builds(self) -> list[str]:
        """The NVRs of the builds removed from the update."""
        return self._list("removed_builds")


class UpdateEjectV1(UpdateMessage):
    """The composer ejected an update from a push; its request is cleared."""

    schema_name = "bodhi.update.eject.v1"
    topic = "bodhi.update.eject"

    @property
    def reason(self) -> str:
        """Why the update was ejected."""
        return text(self.body, "reason")

    @property
    def repo(self) -> str:
        """The repository of the compose, e.g. 'f41-updates-testing'."""
        return text(self.body, "repo")

    def summarize(self) -> str:
        repo = text(self.body, "repo")
        sentence = f"{self._update_subject()} was ejected from " + (
            f"the {repo} compose" if repo else "a compose"
        )
        reason = text(self.body, "reason")
        return f"{sentence}: {reason}" if reason else sentence

    def details(self) -> list[tuple[str, str]]:
        release, request = text(self.body, "release", "name"), text(self.body, "request")
        compose = urls.join(COMPOSES_URL, release, request) or ""
        return [
            ("Reason", text(self.body, "reason")),
            ("Repository", text(self.body, "repo")),
            ("Compose", compose),
            ("Push started by", self.agent_name or ""),
            *self._update_details(),
        ]


class UpdateKarmaThresholdV1(UpdateMessage):
    """An update's karma reached its stable or unstable threshold."""

    schema_name = "bodhi.update.karma.threshold.v1"
    topic = "bodhi.update.karma.threshold.reach"

    @property
    def status(self) -> str:
        """Which threshold was reached: 'stable' or 'unstable'."""
        return text(self.body, "status")

    def summarize(self) -> str:
        update = self._update()
        which = text(self.body, "status")
        threshold = integer(update, f"{which}_karma") if which in ("stable", "unstable") else None
        sentence = f"{self._update_subject()} reached its {which + ' ' if which else ''}karma threshold"
        if threshold is not None:
            sentence += f" of {signed(threshold)}"
        if which == "unstable" and text(update, "status") == "obsolete":
            sentence += " and was obsoleted"
        elif which == "stable" and text(update, "request") == "stable":
            sentence += " and was submitted to stable"
        return sentence

    def details(self) -> list[tuple[str, str]]:
        return [("Threshold", text(self.body, "status")), *self._update_details()]


class UpdateRequestMessage(UpdateMessage):
    """Base of the messages sent when the request of an update changes."""

    #: What the agent did (before the update reference) and what follows it.
    _verb = ""
    _after = ""
    #: The passive form, when it is not ``was <verb><after>``.
    _passive = ""

    def summarize(self) -> str:
        agent = self.agent_name
        if agent:
            return f"{agent} {self._verb} {self._update_ref(agent=agent)}{self._after}"
        passive = self._passive or f"was {self._verb}{self._after}"
        return f"{self._update_subject()} {passive}"

    def details(self) -> list[tuple[str, str]]:
        return [("Requested by", self.agent_name or ""), *self._update_details()]


class UpdateRequestTestingV1(UpdateRequestMessage):
    """An update was submitted to the testing repository."""

    schema_name = "bodhi.update.request.testing.v1"
    topic = "bodhi.update.request.testing"
    _verb, _after = "submitted", " to testing"


class UpdateRequestStableV1(UpdateRequestMessage):
    """An update was submitted to the stable repository."""

    schema_name = "bodhi.update.request.stable.v1"
    topic = "bodhi.update.request.stable"
    _verb, _after = "submitted", " to stable"


class UpdateRequestRevokeV1(UpdateRequestMessage):
    """The pending testing or stable request of an update was revoked."""

    schema_name = "bodhi.update.request.revoke.v1"
    topic = "bodhi.update.request.revoke"
    _verb, _passive = "revoked the pending push of", "had its pending push revoked"


class UpdateRequestUnpushV1(UpdateRequestMessage):
    """An update was unpushed from the testing repository."""

    schema_name = "bodhi.update.request.unpush.v1"
    topic = "bodhi.update.request.unpush"
    _verb = "unpushed"


class UpdateRequestObsoleteV1(UpdateRequestMessage):
    """An update was obsoleted, by a packager or by a newer update of the same packages."""

    schema_name = "bodhi.update.request.obsolete.v1"
    topic = "bodhi.update.request.obsolete"
    _verb = "obsoleted"


class UpdateRequirementsMetStableV1(UpdateMessage):
    """An update meets its requirements (karma or days in testing, gating) to be pushed to stable."""

    schema_name = "bodhi.update.requirements_met.stable.v1"
    topic = "bodhi.update.requirements_met.stable"

    def summarize(self) -> str:
        return f"{self._update_subject()} meets the requirements to be pushed to stable"


_HASH_SUFFIX = r"-[0-9a-f]{40}$"


class _ReadyForTestingMessage(UpdateMessage):
    """Base of the ready-for-testing messages (one topic, three body versions)."""

    severity = DEBUG

    def _artifact_builds(self) -> list[Any]:
        return items(self.body, "artifact", "builds")

    def summarize(self) -> str:
        agent = self.agent_name
        if flag(self.body, "re-trigger") and agent:
            return f"{agent} re-triggered the tests of {self._update_ref(agent=agent)}"
        return f"{self._update_subject()} is ready for testing"

    def details(self) -> list[tuple[str, str]]:
        builds = []
        for build in self._artifact_builds():
            ids = [f"build {text(build, 'id')}" if text(build, "id") else ""]
            ids.append(f"task {text(build, 'task_id')}" if text(build, "task_id") else "")
            label = ", ".join(part for part in ids if part)
            builds.append(f"{text(build, 'nvr')} ({label})" if label else text(build, "nvr"))
        return [
            ("Koji builds", ", ".join(build for build in builds if build)),
            ("Re-trigger", "yes" if flag(self.body, "re-trigger") else ""),
            ("Requested by", self.agent_name or ""),
            *self._update_details(),
        ]


class UpdateReadyForTestingV1(_ReadyForTestingMessage):
    """An update is ready to be tested (first version, in the Fedora CI Messages style)."""

    schema_name = "bodhi.update.status.testing.v1"
    topic = "bodhi.update.status.testing.koji-build-group.build.complete"
    deprecated = True
    replaced_by = "bodhi.update.status.testing.v3"

    def _alias(self) -> str:
        alias = super()._alias()
        if alias:
            return alias
        return re.sub(_HASH_SUFFIX, "", text(self.body, "artifact", "id"))

    def _builds(self) -> list[tuple[str, str]]:
        return super()._builds() or [
            ("rpm", text(build, "nvr")) for build in self._artifact_builds() if text(build, "nvr")
        ]

    def _names(self, content: str) -> list[str]:
        found = super()._names(content)
        if content != "packages":
            return found
        return unique_sorted([*found, *(dig(build, "component") for build in self._artifact_builds())])

    def _related_usernames(self) -> list[Any]:
        issuers = [dig(build, "issuer") for build in self._artifact_builds()]
        return [*super()._related_usernames(), *issuers]

    def _release_name(self) -> str:
        return super()._release_name() or text(self.body, "artifact", "release")

    def details(self) -> list[tuple[str, str]]:
        return [*super().details(), ("Generated at", text(self.body, "generated_at"))]


class UpdateReadyForTestingV2(UpdateReadyForTestingV1):
    """An update is ready to be tested (version 1's Fedora CI Messages style plus the update)."""

    schema_name = "bodhi.update.status.testing.v2"
    topic = "bodhi.update.status.testing.koji-build-group.build.complete"
    deprecated = True
    replaced_by = "bodhi.update.status.testing.v3"


class UpdateReadyForTestingV3(_ReadyForTestingMessage):
    """An update is ready to be tested: it was created, its builds changed, or a re-test was requested.

    Fedora CI and openQA schedule their tests of the update from this message.
    """

    schema_name = "bodhi.update.status.testing.v3"
    topic = "bodhi.update.status.testing.koji-build-group.build.complete"
