"""``as_typed`` also types messages received as a generic class of another package (ci-messages)."""

from __future__ import annotations

from typing import Any, ClassVar

import pytest
from fedora_messaging.message import Message

from fedora_bus_schemas_core import SchemaMessage, registry

TOPIC = "org.centos.prod.ci.koji-build.test.complete"
BODY = {"artifact": {"type": "koji-build", "nvr": "bash-5.2.32-2.fc42"}, "version": "1.1.14"}


class Typed(SchemaMessage):
    """Stands for the collection's class of the topic (not registered: built from properties)."""

    topic = "ci.koji-build.test.complete"
    body_schema: ClassVar[dict[str, Any]] = {"type": "object", "required": ["artifact"]}


class UpstreamCIMessage(Message):
    """Stands for ``ci_messages.schema.CIMessageV1``: one topic-less class for every CI topic."""


class UpstreamOther(Message):
    """Stands for an upstream class specific to its topic, e.g. a ``bodhi-messages`` class."""


def received(cls: type[Message], schema_name: str) -> Message:
    """A message as fedora-messaging hands it over for the header ``schema_name``."""
    properties = Message(body=BODY, topic=TOPIC)._properties
    properties.headers["fedora_messaging_schema"] = schema_name
    return cls(body=dict(BODY), topic=TOPIC, properties=properties)


@pytest.fixture(autouse=True)
def the_topic_has_a_class(monkeypatch):
    monkeypatch.setattr(registry, "class_for_topic", lambda topic, body=None: Typed)


@pytest.mark.parametrize(
    ("cls", "schema_name"),
    [
        (Message, "base.message"),
        (Message, "ci_messages.CIMessageV1"),
        (UpstreamCIMessage, "ci_messages.CIMessageV1"),
    ],
)
def test_generic_classes_become_typed(cls, schema_name):
    message = received(cls, schema_name)
    typed = registry.as_typed(message)
    assert type(typed) is Typed
    assert typed.id == message.id and typed.topic == TOPIC and typed.body == BODY
    assert typed._headers["fedora_messaging_schema"] == schema_name


def test_specific_classes_are_left_alone():
    other = received(UpstreamOther, "bodhi.update.comment.v1")
    assert registry.as_typed(other) is other
    ours = Typed(body=dict(BODY), topic=TOPIC, properties=received(Message, "x")._properties)
    assert registry.as_typed(ours) is ours
