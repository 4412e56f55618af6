"""ResultsDB publishes each stored result, and optionally the legacy Taskotron message."""

from __future__ import annotations

from typing import Any

from fedora_bus_schemas_core import SchemaMessage, urls
from fedora_bus_schemas_core.access import dig, integer, items, text, texts, unique_sorted
from fedora_bus_schemas_core.nvr import package_name
from fedora_bus_schemas_core.subjects import BUILD_TYPES, COMPOSE_ID_KEY, Subject

RESULT_URL = "https://resultsdb.fedoraproject.org/api/v2.0/results/{}"

#: How a sentence says each outcome ResultsDB and its API v3 know.
OUTCOME_VERBS = {
    "PASSED": "passed",
    "FAILED": "failed",
    "ERROR": "errored",
    "CRASHED": "crashed",
    "NEEDS_INSPECTION": "needs inspection",
    "INFO": "reported information",
    "QUEUED": "is queued",
    "RUNNING": "is running",
}


def outcome_phrase(outcome: str) -> str:
    """``"passed"``, ``"needs inspection"``; unknown outcomes are named as they are."""
    if not outcome:
        return "has a new result"
    return OUTCOME_VERBS.get(outcome.upper(), f"ended with outcome {outcome}")


class ResultsDBMessage(SchemaMessage):
    """Base of ResultsDB's messages: both say that a test result was stored."""

    app_name = "resultsdb"
    app_icon = "https://apps.fedoraproject.org/img/icons/taskotron.png"

    def _subject(self) -> Subject:
        raise NotImplementedError

    def _testcase(self) -> str:
        raise NotImplementedError

    def _outcome(self) -> str:
        raise NotImplementedError

    def summarize(self) -> str:
        subject = self._subject()
        on = f" for {subject.label}" if subject.identifier else ""
        return f"{self._testcase() or 'A test'} {outcome_phrase(self._outcome())}{on}"


class ResultNewV1(ResultsDBMessage):
    """A test result was stored in ResultsDB (the result as its API v2 returns it)."""

    schema_name = "resultsdb.result.new.v1"
    topic = "resultsdb.result.new"

    def _data(self, key: str) -> list[str]:
        return texts(items(self.body, "data", key))

    def _first(self, key: str) -> str:
        values = self._data(key)
        return values[0] if values else ""

    def _subject(self) -> Subject:
        item, kind = self._first("item"), self._first("type")
        if item:
            return Subject(kind, item)
        compose = self._first(COMPOSE_ID_KEY)
        if compose:
            return Subject("compose", compose)
        return Subject("koji_build", self._first("nvr")) if self._first("nvr") else Subject(kind, "")

    def _testcase(self) -> str:
        return text(self.body, "testcase", "name")

    def _outcome(self) -> str:
        return text(self.body, "outcome")

    @property
    def agent_name(self) -> str | None:
        """The submitter, which only results submitted through ResultsDB's API v3 record."""
        return self._first("username") or None

    @property
    def usernames(self) -> list[str]:
        return unique_sorted([self.agent_name])

    @property
    def packages(self) -> list[str]:
        builds = self._data("nvr") + self._data("original_spec_nvr")
        if self._first("type") in BUILD_TYPES:
            builds += self._data("item")
        return unique_sorted(package_name(build) for build in builds)

    @property
    def url(self) -> str | None:
        href = urls.web(text(self.body, "href"))
        if href:
            return href
        result_id = integer(self.body, "id")
        return RESULT_URL.format(result_id) if result_id is not None else None

    def summarize(self) -> str:
        summary = super().summarize()
        where = self._first("scenario") or self._first("arch")
        return f"{summary} ({where})" if where else summary

    def details(self) -> list[tuple[str, str]]:
        subject = self._subject()
        return [
            ("Test case", self._testcase()),
            ("Outcome", self._outcome()),
            ("Subject", f"{subject.type} {subject.identifier}".strip()),
            ("Scenario", self._first("scenario")),
            ("Architecture", self._first("arch")),
            ("Note", text(self.body, "note")),
            ("Submitted at", text(self.body, "submit_time")),
            ("Logs", text(self.body, "ref_url")),
        ]


class TaskotronResultNewV1(ResultsDBMessage):
    """Legacy Taskotron-style notice of a stored result whose outcome changed.

    ResultsDB still sends it when configured to, for consumers that predate ``resultsdb.result.new``.
    """

    schema_name = "taskotron.result.new.v1"
    topic = "taskotron.result.new"

    def _task(self, key: str) -> str:
        return text(self.body, "task", key)

    def _subject(self) -> Subject:
        return Subject(self._task("type"), self._task("item"))

    def _testcase(self) -> str:
        return self._task("name")

    def _outcome(self) -> str:
        return text(self.body, "result", "outcome")

    @property
    def packages(self) -> list[str]:
        subject = self._subject()
        return unique_sorted([package_name(subject.identifier)]) if subject.type in BUILD_TYPES else []

    @property
    def url(self) -> str | None:
        result_id = integer(self.body, "result", "id")
        return RESULT_URL.format(result_id) if result_id is not None else None

    def summarize(self) -> str:
        summary = super().summarize()
        previous = text(self.body, "result", "prev_outcome")
        return f"{summary} (previously {outcome_phrase(previous)})" if previous else summary

    def details(self) -> list[tuple[str, str]]:
        subject = self._subject()
        result: Any = dig(self.body, "result")
        return [
            ("Task", self._testcase()),
            ("Outcome", self._outcome()),
            ("Previous outcome", text(result, "prev_outcome")),
            ("Subject", f"{subject.type} {subject.identifier}".strip()),
            ("Submitted at", text(result, "submit_time")),
            ("Logs", text(result, "log_url")),
        ]
