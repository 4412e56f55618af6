"""Bodies generated from each schema (hypothesis-jsonschema): properties hold, validation agrees.

Generating from the large schemas (Bodhi's update, Pagure's project) costs seconds per schema,
so these tests carry the ``generated`` mark: each package's own tox environment runs them once,
and the whole-collection environment leaves them out.
"""

from __future__ import annotations

import copy
import functools

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
    return from_schema(copy.deepcopy(cls.body_schema))  # from_schema rewrites what it is given


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
