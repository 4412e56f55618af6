"""``as_typed`` turns plain ``base.message`` traffic into the collection's classes."""

from __future__ import annotations

import copy

import jsonschema
import pytest
from fedora_messaging.message import Message
from jsonschema import Draft7Validator

from fedora_bus_schemas_core import as_typed, class_for_topic

from .schema_walk import WRONG_VALUES


def plain(topic: str, body: dict) -> Message:
    """A message as the gating apps send it: fedora-messaging's base class."""
    return Message(body=copy.deepcopy(body), topic=topic)


@pytest.mark.parametrize("prefix", ["", "org.fedoraproject.prod.", "org.fedoraproject.stg."])
def test_plain_message_becomes_typed(sample, prefix):
    received = plain(prefix + sample.cls.topic, sample.body)
    typed = as_typed(received)
    assert isinstance(typed, sample.cls)
    assert typed.id == received.id
    assert typed.topic == received.topic
    assert typed.body == sample.body
    assert typed._headers == received._headers
    assert typed.summary == sample.message().summary


def test_unknown_topics_and_typed_messages_are_returned_unchanged(sample):
    other = plain("org.fedoraproject.prod.no.such.topic", {"a": 1})
    assert as_typed(other) is other
    typed = sample.message()
    assert as_typed(typed) is typed


def test_invalid_body_raises(schema):
    with pytest.raises(jsonschema.ValidationError):
        as_typed(plain(schema.cls.topic, invalid_body(schema.cls.body_schema)))


def invalid_body(body_schema: dict) -> dict:
    """An empty body; for a schema that requires no key (Koji's tag and repo messages, like
    upstream's), one declared property with a value of the wrong type. Keys required through a
    shared definition (``allOf``, as openQA's job and comment messages) count as required."""
    if not Draft7Validator(body_schema).is_valid({}):
        return {}
    for name, prop in body_schema["properties"].items():
        types = [prop["type"]] if isinstance(prop.get("type"), str) else prop.get("type", [])
        for value in WRONG_VALUES:
            if types and not any(Draft7Validator.TYPE_CHECKER.is_type(value, kind) for kind in types):
                return {name: value}
    raise AssertionError("a schema without required keys must type its properties")


def test_class_for_topic(schema):
    assert class_for_topic(schema.cls.topic) is not None
    assert class_for_topic("io.pagure.prod.nothing.here") is None
