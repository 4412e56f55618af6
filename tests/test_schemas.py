"""The schema files: well-formed, documented, open, and identical to the classes' schemas."""

from __future__ import annotations

import json

import jsonschema
import pytest

from fedora_bus_schemas_core import bundle, resources

from .conftest import REPO, SCHEMAS
from .schema_walk import nodes_with_properties

DRAFT = "http://json-schema.org/draft-07/schema#"
#: Where the documentation site (Read the Docs, default version) serves the schema files.
ID_PREFIX = "https://fedora-bus-schemas.readthedocs.io/en/latest/schemas/"


def test_schema_is_valid_draft_07(schema):
    body_schema = schema.cls.body_schema
    assert body_schema["$schema"] == DRAFT
    jsonschema.Draft7Validator.check_schema(body_schema)


def test_schema_identity(schema):
    body_schema = schema.cls.body_schema
    # The URL of the file the docs build writes for it (schemas/<app>/<schema name>.json).
    assert body_schema["$id"] == f"{ID_PREFIX}{schema.app}/{schema.name}.json"
    assert body_schema["title"] == schema.cls.topic
    assert body_schema["description"].strip()
    assert body_schema["type"] == "object"


def test_schema_stays_open(schema):
    assert schema.cls.body_schema.get("additionalProperties", True) is not False


def test_every_property_is_typed_and_described(schema):
    for path, node in nodes_with_properties(schema.cls.body_schema):
        for name, prop in node["properties"].items():
            assert prop.get("description", "").strip(), f"{path}.{name} has no description"
            assert "type" in prop or "$ref" in prop or "const" in prop, f"{path}.{name} has no type"


def test_required_keys_are_declared(schema):
    for path, node in nodes_with_properties(schema.cls.body_schema):
        missing = set(node.get("required", [])) - set(node["properties"])
        assert not missing, f"{path} requires undeclared keys {sorted(missing)}"


def test_schema_has_no_remote_references(schema):
    for ref in (value for key, value in _pairs(schema.cls.body_schema) if key == "$ref"):
        assert ref.startswith("#/"), f"remote reference {ref}"


def _pairs(node):
    if isinstance(node, dict):
        for key, value in node.items():
            yield key, value
            yield from _pairs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _pairs(value)


def test_repository_schema_file_is_the_class_schema(schema):
    """schemas/<app>/<name>.json in the repository is byte-for-byte what the wheel ships."""
    path = REPO / "schemas" / schema.app / f"{schema.name}.json"
    if not (REPO / "schemas").is_dir():
        pytest.skip("not run from a repository checkout")
    assert json.loads(path.read_text(encoding="utf-8")) == schema.cls.body_schema
    shipped = resources.package_files(schema.cls.__module__) / "schemas" / f"{schema.name}.json"
    assert shipped.read_text(encoding="utf-8") == path.read_text(encoding="utf-8")


def test_no_orphan_schema_or_sample_files():
    """Each file under schemas/ and samples/ belongs to a registered schema name."""
    names = {schema.name for schema in SCHEMAS}
    for package in {schema.package for schema in SCHEMAS}:
        files = resources.package_files(package)
        schema_files = {entry.name.removesuffix(".json") for entry in (files / "schemas").iterdir()}
        sample_dirs = {entry.name for entry in (files / "samples").iterdir() if entry.is_dir()}
        assert schema_files <= names, f"{package}: schema files without a class: {schema_files - names}"
        assert sample_dirs <= names, f"{package}: sample folders without a class: {sample_dirs - names}"


def test_generated_schema_files_are_current():
    """Every shipped schema file is exactly what ``fedora-bus-schemas bundle`` makes of its sources."""
    if not (REPO / "core_messages").is_dir():
        pytest.skip("not run from a repository checkout")
    problems = bundle.check(REPO)
    assert not problems, "\n".join([*problems, "run `fedora-bus-schemas bundle` to regenerate them"])


def test_schema_file_says_it_is_generated(schema):
    assert "fedora-bus-schemas bundle" in schema.cls.body_schema["$comment"]


def test_a_subclass_elsewhere_keeps_the_schema_of_the_class_naming_it(schema):
    """A consumer's subclass, in its own module, validates against the parent's shipped schema."""
    subclass = type("ConsumersSubclass", (schema.cls,), {"__module__": "consumer_app.messages"})
    assert subclass.body_schema is schema.cls.body_schema
