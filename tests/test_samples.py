"""The shipped samples: enough of them, valid, and the schemas reject their broken copies."""

from __future__ import annotations

import jsonschema
import pytest

from fedora_bus_schemas_core import samples

from .schema_walk import mutations

MINIMUM_SAMPLES = 3


def test_each_schema_has_samples(schema):
    loaded = samples.load(schema.name)
    assert len(loaded) >= MINIMUM_SAMPLES, f"{schema.name} ships {len(loaded)} samples"
    assert len({repr(sample.body) for sample in loaded}) == len(loaded), "duplicate samples"


def test_sample_validates(sample):
    message = sample.message()
    message.validate()
    assert message.body == sample.body


def test_samples_load_by_class_and_by_name(schema):
    assert samples.load(schema.cls) == samples.load(schema.name)
    assert samples.bodies(schema.name) == [sample.body for sample in samples.load(schema.name)]


def test_unknown_schema_name_is_a_clear_error():
    with pytest.raises(LookupError, match=r"no installed package registers the schema name 'nope\.v1'"):
        samples.load("nope.v1")


def test_broken_samples_are_rejected(sample):
    """Dropping any required key or changing any typed value's type makes the body invalid."""
    found = list(mutations(sample.cls.body_schema, sample.body))
    assert found, "the schema constrains nothing in this sample"
    for description, body in found:
        with pytest.raises(jsonschema.ValidationError):
            sample.cls(body=body).validate()
            pytest.fail(f"accepted after: {description}")


def test_get_one_sample_by_name(schema):
    first = samples.load(schema.name)[0]
    assert samples.get(schema.cls, first.name) == first
    with pytest.raises(LookupError, match="no sample 'nope' for"):
        samples.get(schema.name, "nope")
