"""Bodies generated from each schema (hypothesis-jsonschema): properties hold, validation agrees.

Generating from the large schemas (Bodhi's update, Pagure's project) costs seconds per schema,
so these tests carry the ``generated`` mark: each package's own tox environment runs them once,
and the whole-collection environment leaves them out.
"""

from __future__ import annotations

import functools
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.strategies import SearchStrategy
from hypothesis_jsonschema import from_schema

from fedora_bus_schemas_core.validation import CompiledSchema

from .strategies import any_object
from .test_properties import check_properties

pytestmark = pytest.mark.generated


@functools.cache
def bodies_of(name: str, cls: type) -> SearchStrategy:
    """The strategy for one schema, built once (building it is most of the cost)."""
    schema = cls.body_schema
    definitions = schema.get("definitions", {})
    return from_schema(_inlined(schema, definitions, REF_DEPTH))  # a copy: from_schema rewrites it


#: How deep references are inlined for generation: deeper than any non-recursive chain.
REF_DEPTH = 6


def _inlined(node: Any, definitions: dict[str, Any], depth: int) -> Any:
    """A copy of ``node`` with each ``#/definitions/`` reference replaced by its definition, ``depth``
    references deep; a reference deeper than that accepts anything. hypothesis-jsonschema cannot
    draw from a recursive definition (Koji's task and its sub-tasks); bounding the recursion lets
    it, and changes nothing for schemas without one."""
    if isinstance(node, list):
        return [_inlined(item, definitions, depth) for item in node]
    if not isinstance(node, dict):
        return node
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/definitions/"):
        target = definitions[ref.removeprefix("#/definitions/")]
        return _inlined(target, definitions, depth - 1) if depth > 0 else {}
    return {
        key: value if key in ("enum", "const") else _inlined(value, definitions, depth)
        for key, value in node.items()
        if key != "definitions"
    }


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(data=st.data())
def test_generated_bodies(schema, data):
    """Schema-valid bodies and arbitrary objects: properties are sensible, and the compiled
    validator (jsonschema-rs) never disagrees with jsonschema about validity."""
    body = data.draw(bodies_of(schema.name, schema.cls) | any_object)
    check_properties(schema.cls, body)
    compiled = _compiled(schema.name, schema.cls)
    assert compiled.is_valid(body) == jsonschema.Draft7Validator(schema.cls.body_schema).is_valid(body)


@functools.cache
def _compiled(name: str, cls: type) -> CompiledSchema:
    return CompiledSchema(cls.body_schema)
