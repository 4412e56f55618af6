"""Koji's tag messages: a build was tagged into a tag, or untagged from one."""

from __future__ import annotations

import re
from typing import Any, ClassVar

import pika
from fedora_messaging.message import DEBUG

from fedora_bus_schemas_core.access import optional_text, text

from .base import BuildMessage, opening

#: Mass rebuild tags (``f41-rebuild``): their flood of messages goes out at the lowest priority.
MASS_REBUILD_TAG = r"^f\d+-rebuild$"
#: ELN tags (``eln``, ``eln-build``...).
ELN_TAG = r"^eln(-.*)?$"
#: AMQP priorities upstream's tag classes set (https://pagure.io/fedora-infrastructure/issue/10899).
MASS_REBUILD_PRIORITY, ELN_PRIORITY, DEFAULT_PRIORITY = 0, 1, 2


def tag_priority(tag: str) -> int:
    """The AMQP priority of a tag message: 0 for mass rebuild tags, 1 for ELN tags, 2 otherwise."""
    if re.match(MASS_REBUILD_TAG, tag):
        return MASS_REBUILD_PRIORITY
    if re.match(ELN_TAG, tag):
        return ELN_PRIORITY
    return DEFAULT_PRIORITY


class TagMessage(BuildMessage):
    """Base of the tag and untag messages: the build, the tag, who did it, the AMQP priority.

    A new message (to publish) gets the priority upstream's classes give it, so that queues with
    priorities deliver mass rebuild tagging last; a received message keeps the priority it came with.
    """

    severity = DEBUG
    #: How the summary says what happened to the build (``tagged into``).
    action: ClassVar[str] = ""

    def __init__(
        self,
        body: dict[str, Any] | None = None,
        headers: dict[str, Any] | None = None,
        topic: str | None = None,
        properties: pika.BasicProperties | None = None,
        severity: int | None = None,
    ) -> None:
        super().__init__(body=body, headers=headers, topic=topic, properties=properties, severity=severity)
        if properties is None:
            self.priority = tag_priority(self.tag)

    @property
    def user(self) -> str | None:
        """Who tagged or untagged the build: a packager, or a service such as ``bodhi``."""
        return optional_text(self.body, "user")

    @property
    def is_mass_rebuild(self) -> bool:
        """True for a mass rebuild tag (``f41-rebuild``)."""
        return re.match(MASS_REBUILD_TAG, self.tag) is not None

    @property
    def is_eln(self) -> bool:
        """True for an ELN tag."""
        return re.match(ELN_TAG, self.tag) is not None

    @property
    def agent_name(self) -> str | None:
        """Who tagged or untagged the build."""
        return self.user

    @property
    def url(self) -> str | None:
        """The build's page on the hub (it lists the build's tags); the tag's page for a body
        without the build."""
        return self._build_page(self.build_id, self.nvr) or self._tag_page()

    def summarize(self) -> str:
        tag = self.tag or "a tag"
        build = self.nvr or (f"a build of {self.name}" if self.name else "a build")
        sentence = f"{build} was {self.action} {tag}"
        if self.user:
            sentence += f" by {self.user}"
        return opening(sentence + self._instance_note())

    def details(self) -> list[tuple[str, str]]:
        return [
            ("Build", self.nvr or self.name),
            ("Tag", self.tag),
            ("By", self.user or ""),
            ("Owner", self.owner or ""),
            ("Build ID", text(self.body, "build_id")),
            ("Tag ID", text(self.body, "tag_id")),
        ]


class TagV1(TagMessage):
    """A build was tagged into a Koji tag (a candidate, -pending, -testing or -updates tag, a side tag...)."""

    schema_name = "koji_fedoramessaging.tag.TagV1"
    topic = "buildsys.tag"
    action = "tagged into"


class UntagV1(TagMessage):
    """A build was removed from a Koji tag."""

    schema_name = "koji_fedoramessaging.tag.UntagV1"
    topic = "buildsys.untag"
    action = "untagged from"
