"""The composer's progress: pushes started, repositories composed, synced to the mirrors."""

from __future__ import annotations

from fedora_bus_schemas_core.access import dig, flag, items, optional_text, text
from fedora_bus_schemas_core.text import plural

from .base import COMPOSES_URL, BodhiMessage


class ComposeMessage(BodhiMessage):
    """Base of the composer's messages: they link to Bodhi's list of running composes."""

    @property
    def url(self) -> str | None:
        """Bodhi's page of the composes in progress."""
        return COMPOSES_URL

    def _repo(self) -> str:
        return text(self.body, "repo")

    @property
    def repo(self) -> str:
        """The repository, named by its Koji tag (empty for compose.start)."""
        return self._repo()

    @property
    def success(self) -> bool | None:
        """Whether the compose succeeded (compose.complete only)."""
        return flag(self.body, "success")

    @property
    def ctype(self) -> str | None:
        """The content type of the compose: 'rpm', 'module', 'container' or 'flatpak'."""
        return optional_text(self.body, "ctype")

    def _repository(self) -> str:
        repo = self._repo()
        return f"the {repo} repository" if repo else "a repository"

    def details(self) -> list[tuple[str, str]]:
        updates = dig(self.body, "updates")
        success = flag(self.body, "success")
        return [
            ("Repository", self._repo()),
            ("Content type", text(self.body, "ctype")),
            ("Updates", str(len(updates)) if isinstance(updates, list) else ""),
            ("Succeeded", {True: "yes", False: "no"}.get(success, "") if success is not None else ""),
            ("Path", text(self.body, "path")),
            ("Push started by", self.agent_name or ""),
        ]


class ComposeStartV1(ComposeMessage):
    """The Bodhi composer started a push (a run over one or more composes)."""

    schema_name = "bodhi.compose.start.v1"
    topic = "bodhi.compose.start"

    def summarize(self) -> str:
        agent = self.agent_name
        return (
            f"The Bodhi composer started a push requested by {agent}"
            if agent
            else ("The Bodhi composer started a push")
        )


class ComposeComposingV1(ComposeMessage):
    """The composer started composing one repository."""

    schema_name = "bodhi.compose.composing.v1"
    topic = "bodhi.compose.composing"

    def summarize(self) -> str:
        sentence = f"Bodhi started composing {self._repository()}"
        updates = dig(self.body, "updates")
        return (
            f"{sentence} with {plural(len(items(self.body, 'updates')), 'update')}"
            if isinstance(updates, list)
            else sentence
        )

    def details(self) -> list[tuple[str, str]]:
        builds = [update for update in items(self.body, "updates") if isinstance(update, str)]
        return [*super().details(), ("Builds", ", ".join(" ".join(builds).split()))]


class ComposeCompleteV1(ComposeMessage):
    """The composer finished composing one repository, successfully or not."""

    schema_name = "bodhi.compose.complete.v1"
    topic = "bodhi.compose.complete"

    def summarize(self) -> str:
        success = flag(self.body, "success")
        if success is True:
            return f"Bodhi finished composing {self._repository()}"
        if success is False:
            return f"Bodhi failed to compose {self._repository()}"
        return f"Bodhi stopped composing {self._repository()}"


class ComposeSyncWaitV1(ComposeMessage):
    """The composer is waiting for a composed repository to reach the master mirror."""

    schema_name = "bodhi.compose.sync.wait.v1"
    topic = "bodhi.compose.sync.wait"

    def summarize(self) -> str:
        return f"Bodhi is waiting for {self._repository()} to reach the master mirror"


class ComposeSyncDoneV1(ComposeMessage):
    """A composed repository reached the master mirror."""

    schema_name = "bodhi.compose.sync.done.v1"
    topic = "bodhi.compose.sync.done"

    def summarize(self) -> str:
        repo = self._repo()
        return (
            f"The {repo} repository reached the master mirror"
            if repo
            else ("A composed repository reached the master mirror")
        )


class RepoDoneV1(ComposeMessage):
    """A repository was composed and is ready to be signed or otherwise processed."""

    schema_name = "bodhi.repo.done.v1"
    topic = "bodhi.repo.done"

    def summarize(self) -> str:
        repo = self._repo()
        what = f"The {repo} repository" if repo else "A repository"
        return f"{what} is composed and ready to be signed"
