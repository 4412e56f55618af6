"""Compiled validation raises exactly what ``jsonschema.validate`` raises."""

from __future__ import annotations

import jsonschema
import pytest

from fedora_bus_schemas_core.validation import CompiledSchema, MessageValidator

SCHEMA = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "type": "object",
    "required": ["name", "tags"],
    "properties": {
        "name": {"type": "string", "pattern": "^[a-z]+$"},
        "tags": {"type": "array", "items": {"$ref": "#/definitions/tag"}},
        "url": {"type": "string", "format": "uri"},
        "size": {"type": "integer", "minimum": 0},
    },
    "definitions": {"tag": {"type": "string", "enum": ["a", "b"]}},
}


def error_of(call):
    try:
        call()
    except jsonschema.ValidationError as error:
        return error.message, list(error.path), list(error.schema_path)
    return None


@pytest.mark.parametrize(
    "instance",
    [
        {"name": "ok", "tags": ["a"]},
        {"name": "ok", "tags": ["a"], "url": "not a uri"},  # formats are annotations
        {"name": "ok", "tags": ["a"], "size": 1.0},
        {"name": "Bad", "tags": []},
        {"tags": ["c", 1]},
        {"name": 1, "tags": "x", "size": -1},
        [],
        {"name": "ok", "tags": [{"a": {1, 2}}]},  # not JSON at all: jsonschema decides
    ],
)
def test_same_error_as_jsonschema_validate(instance):
    compiled = CompiledSchema(SCHEMA)
    assert error_of(lambda: compiled.validate(instance)) == error_of(
        lambda: jsonschema.validate(instance, SCHEMA)
    )


def test_broken_schema_raises_schema_error_like_jsonschema():
    broken = {"$schema": "http://json-schema.org/draft-07/schema#", "type": "nonsense"}
    with pytest.raises(jsonschema.SchemaError):
        CompiledSchema(broken)


def test_a_remote_reference_is_never_fetched(monkeypatch):
    def no_network(*args, **kwargs):
        raise AssertionError("a reference was fetched")

    monkeypatch.setattr("urllib.request.urlopen", no_network)
    remote = {"$schema": "http://json-schema.org/draft-07/schema#", "$ref": "https://example.org/x.json"}
    with pytest.raises(Exception, match=r"https://example\.org/x\.json") as raised:
        CompiledSchema(remote)
    assert not isinstance(raised.value, AssertionError)


def test_message_validator_checks_headers_then_body():
    validator = MessageValidator([{"type": "object"}, {"type": "object"}], [SCHEMA])
    with pytest.raises(jsonschema.ValidationError, match="is not of type 'object'"):
        validator.validate([], {"name": 1})
    with pytest.raises(jsonschema.ValidationError, match="1 is not of type 'string'"):
        validator.validate({}, {"name": 1, "tags": []})
    assert validator.accepts_body({"name": "ok", "tags": []})
