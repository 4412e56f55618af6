"""``validate()`` raises exactly what fedora-messaging's ``Message.validate`` raises."""

from __future__ import annotations

import copy

import jsonschema
from fedora_messaging.message import Message
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis_jsonschema import from_schema

from fedora_bus_schemas_core.validation import CompiledSchema

from .schema_walk import mutations
from .strategies import any_object


def outcome(validate, message):
    """What a validate call did, in comparable form."""
    try:
        validate(message)
    except jsonschema.ValidationError as error:
        return ("invalid", error.message, list(error.path), list(error.schema_path), error.validator)
    return ("valid",)


def test_samples_and_their_mutations_agree_with_fedora_messaging(sample):
    bodies = [sample.body] + [body for _, body in mutations(sample.cls.body_schema, sample.body)]
    for body in bodies:
        message = sample.cls(body=body)
        assert outcome(type(message).validate, message) == outcome(Message.validate, message)


def test_invalid_headers_raise_like_fedora_messaging(schema):
    message = schema.cls(body={}, headers={"fedora_messaging_severity": 99})
    message._headers["fedora_messaging_severity"] = 99
    mine, theirs = outcome(type(message).validate, message), outcome(Message.validate, message)
    assert mine == theirs and mine[0] == "invalid"


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(data=st.data())
def test_fast_path_agrees_with_jsonschema_on_generated_bodies(schema, data):
    """jsonschema-rs decides validity alone; it must never accept what jsonschema rejects."""
    compiled = CompiledSchema(schema.cls.body_schema)
    exact = jsonschema.Draft7Validator(schema.cls.body_schema)
    body = data.draw(from_schema(copy.deepcopy(schema.cls.body_schema)) | any_object)
    assert compiled.is_valid(body) == exact.is_valid(body)
