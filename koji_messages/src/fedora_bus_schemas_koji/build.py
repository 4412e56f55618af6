"""Koji's build messages: a build started, completed, failed, was canceled or deleted."""

from __future__ import annotations

from fedora_bus_schemas_core.access import dig, integer, text

from .base import PRIMARY, BuildMessage, opening, when

#: Koji's build states, by number (``koji.BUILD_STATES``).
BUILD_STATES = ("building", "complete", "deleted", "failed", "canceled")
BUILDING, COMPLETE, DELETED, FAILED, CANCELED = range(len(BUILD_STATES))


def state_name(state: int | None) -> str:
    """``complete`` for 1; ``state 7`` for a number Koji does not define; empty for None."""
    if state is None:
        return ""
    return BUILD_STATES[state] if 0 <= state < len(BUILD_STATES) else f"state {state}"


class BuildStateChangeV1(BuildMessage):
    """A Koji build changed state: started, completed, failed, was canceled or deleted.

    Only regular builds are announced this way (scratch builds have no build, see
    :class:`~fedora_bus_schemas_koji.TaskStateChangeV1`). ``old`` and ``new`` are state numbers;
    ``old`` is null when the build was just created.
    """

    schema_name = "koji_fedoramessaging.build.BuildStateChangeV1"
    topic = "buildsys.build.state.change"

    @property
    def task_id(self) -> int | None:
        return integer(self.body, "task_id")

    @property
    def old(self) -> int | None:
        """The previous state number; None when the build was just created."""
        return integer(self.body, "old")

    @property
    def new(self) -> int | None:
        """The new state number (see :data:`BUILD_STATES`)."""
        return integer(self.body, "new")

    @property
    def old_state_name(self) -> str | None:
        """The previous state in words (``building``), or None."""
        return state_name(self.old) or None

    @property
    def new_state_name(self) -> str | None:
        """The new state in words (``complete``), or None."""
        return state_name(self.new) or None

    @property
    def agent_name(self) -> str | None:
        """The owner when they caused the change (starting, restarting or canceling the build); None
        when Koji did (completing, failing or deleting it), as upstream's class decides."""
        if self.old is None or self.new not in (COMPLETE, FAILED, DELETED):
            return self.owner
        return None

    @property
    def url(self) -> str | None:
        """The build's page on the hub (its task's page, or an NVR search, when it has no id)."""
        if self.build_id is None and self.task_id is not None:
            return self._page("taskinfo", taskID=self.task_id)
        return self._build_page(self.build_id, self.nvr)

    def summarize(self) -> str:
        what = self.nvr or self.name  # the NVR; fedmsg-era bodies may lack parts of it
        build = what or "a build"
        owner, new = self.owner, self.new
        if new == BUILDING:
            sentence = f"{owner or 'Koji'} started building {what or 'a package'}"
        elif new == COMPLETE:
            sentence = f"{build} was built by {owner}" if owner else f"{build} was built"
        elif new == DELETED:
            sentence = f"{build} was deleted"
        elif new in (FAILED, CANCELED):
            verb = "failed" if new == FAILED else "was canceled"
            whose = f"{owner}'s build" if owner else "the build"
            sentence = f"{whose} of {what} {verb}" if what else f"{whose} {verb}"
        elif new is None:
            sentence = f"{build} changed state"
        else:
            sentence = f"{build} moved to {state_name(new)}"
        return opening(sentence + self._instance_note())

    def details(self) -> list[tuple[str, str]]:
        change = self.new_state_name or ""
        if change:
            change = f"{self.old_state_name or 'new build'} → {change}"
        finished = when(dig(self.body, "completion_time"))
        if not finished and self.new == BUILDING:
            finished = "(still running)"
        return [
            ("Build", self.nvr or self.name),
            ("Epoch", text(self.body, "epoch")),
            ("State", change),
            ("Owner", self.owner or ""),
            ("Build ID", text(self.body, "build_id")),
            ("Started", when(dig(self.body, "creation_time"))),
            ("Finished", finished),
            ("Instance", self.instance if self.instance != PRIMARY else ""),
            *self._task_details(dig(self.body, "task")),
        ]
