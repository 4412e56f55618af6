"""Koji's repository messages: a tag's repository is being generated, or is ready."""

from __future__ import annotations

from fedora_messaging.message import DEBUG

from fedora_bus_schemas_core.access import integer, text
from fedora_bus_schemas_core.text import sentence_start

from .base import KojiMessage


class RepoMessage(KojiMessage):
    """Base of the repository messages: the repository and its tag."""

    severity = DEBUG

    @property
    def repo_id(self) -> int | None:
        return integer(self.body, "repo_id")

    @property
    def url(self) -> str | None:
        """The tag's page on the hub (it shows the tag's latest repository)."""
        return self._tag_page()

    def _repository(self) -> str:
        """``repo 5216957 of eln-build``, as a sentence names the repository."""
        repo = f"repo {self.repo_id}" if self.repo_id is not None else "a new repo"
        return f"{repo} of {self.tag}" if self.tag else f"{repo} of a tag"

    def details(self) -> list[tuple[str, str]]:
        return [
            ("Tag", self.tag),
            ("Repo ID", text(self.body, "repo_id")),
            ("Tag ID", text(self.body, "tag_id")),
        ]


class InitV1(RepoMessage):
    """Koji started generating a new repository for a tag."""

    schema_name = "koji_fedoramessaging.repo.InitV1"
    topic = "buildsys.repo.init"

    def summarize(self) -> str:
        return f"Koji started generating {self._repository()}{self._instance_note()}"


class DoneV1(RepoMessage):
    """A new repository for a tag is ready."""

    schema_name = "koji_fedoramessaging.repo.DoneV1"
    topic = "buildsys.repo.done"

    def summarize(self) -> str:
        return sentence_start(f"{self._repository()} is ready{self._instance_note()}")
