"""Koji's task messages: the top-level task of a scratch build changed state."""

from __future__ import annotations

from fedora_bus_schemas_core.access import dig, integer, items, optional_text, text

from .base import KojiMessage, opening, source_label, source_package

#: What each new task state says happened, as a verb phrase.
STATE_VERBS = {
    "FREE": "was queued",
    "OPEN": "started",
    "CLOSED": "completed",
    "CANCELED": "was canceled",
    "ASSIGNED": "was assigned to a builder",
    "FAILED": "failed",
}
#: The method of a package build's top-level task.
BUILD_METHOD = "build"


class TaskStateChangeV1(KojiMessage):
    """The top-level task of a Koji scratch build changed state.

    The plugin sends only state changes of parent tasks whose options ask for a scratch build;
    ``old`` and ``new`` are state names (``OPEN``, ``CLOSED``, ``FAILED``...).
    """

    schema_name = "koji_fedoramessaging.task.TaskStateChangeV1"
    topic = "buildsys.task.state.change"

    @property
    def task_id(self) -> int | None:
        task_id = integer(self.body, "id")
        return task_id if task_id is not None else integer(self.body, "info", "id")

    @property
    def method(self) -> str:
        """The task's method: ``build`` for package scratch builds."""
        return text(self.body, "method") or text(self.body, "info", "method")

    @property
    def owner(self) -> str | None:
        """Name of the user who submitted the scratch build."""
        return optional_text(self.body, "owner")

    @property
    def old(self) -> str | None:
        """The previous state name, or None."""
        return optional_text(self.body, "old")

    @property
    def new(self) -> str | None:
        """The new state name (``FREE``, ``OPEN``, ``CLOSED``, ``CANCELED``, ``ASSIGNED``, ``FAILED``)."""
        return optional_text(self.body, "new")

    @property
    def srpm(self) -> str:
        """The last path segment of what is built: an uploaded source RPM, or a git repository
        with its commit."""
        return text(self.body, "srpm")

    @property
    def source(self) -> str:
        """What is built, in full: the first argument of the task's request, else ``srpm``."""
        return text(self.body, "info", "request", 0) or self.srpm

    @property
    def target(self) -> str:
        """The build target of a package build (``rawhide``, ``f41``...), or empty."""
        request = items(self.body, "info", "request")
        if self.method in ("", BUILD_METHOD) and len(request) > 1:
            return text(request, 1)
        return ""

    @property
    def agent_name(self) -> str | None:
        """Who submitted the scratch build."""
        return self.owner

    def _package(self) -> str | None:
        """The package a package scratch build builds (from its dist-git URL or source RPM)."""
        if self.method not in ("", BUILD_METHOD) or not self.source:
            return None
        return source_package(self.source)

    @property
    def url(self) -> str | None:
        """The task's page on the hub."""
        task_id = self.task_id
        return self._page("taskinfo", taskID=task_id) if task_id is not None else None

    def summarize(self) -> str:
        method, source = self.method, self.source
        what = source_label(source) if source else ""
        if method in ("", BUILD_METHOD):
            build = f"scratch build of {what}" if what else "scratch build"
        else:
            build = f"scratch {method} task for {what}" if what else f"scratch {method} task"
        if self.target:
            build += f" for {self.target}"
        subject = f"{self.owner}'s {build}" if self.owner else f"a {build}"
        new = self.new
        verb = STATE_VERBS.get(new.upper(), f"moved to {new}") if new else "changed state"
        return opening(f"{subject} {verb}{self._instance_note()}")

    def details(self) -> list[tuple[str, str]]:
        change = f"{self.old or '?'} → {self.new}" if self.new else ""
        return [
            ("Source", self.source),
            ("Target", self.target),
            ("State", change),
            ("Owner", self.owner or ""),
            *self._task_details(dig(self.body, "info")),
        ]
