"""``fedora-bus-schemas bundle``: sources with file references become self-contained files."""

from __future__ import annotations

import io
import json
from pathlib import Path

import jsonschema
import pytest

from fedora_bus_schemas_core import bundle, cli

TOPIC = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "$id": "https://example.org/demo.thing.done.v1.json",
    "title": "demo.thing.done",
    "description": "A thing was done.",
    "type": "object",
    "required": ["task"],
    "properties": {
        "task": {"$ref": "definitions/task.json"},
        "agent": {"description": "Who did it.", "allOf": [{"$ref": "definitions/user.json"}]},
        "enum": {"description": "A property named like a keyword.", "enum": [{"$ref": "not a ref"}]},
    },
}
DEFINITIONS = {
    "task": {
        "type": "object",
        "properties": {
            "owner": {"$ref": "user.json"},
            "children": {"type": "array", "items": {"$ref": "task.json"}},
        },
    },
    "user": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}},
    "unused": {"type": "string"},
}


def make_repository(root: Path, topic: dict = TOPIC, definitions: dict = DEFINITIONS) -> Path:
    package = root / "demo_messages"
    (package / "src" / "fedora_bus_schemas_demo").mkdir(parents=True)
    (package / "src" / "fedora_bus_schemas_demo" / "__init__.py").write_text("")
    sources = package / "schema_sources"
    (sources / "definitions").mkdir(parents=True)
    (sources / "demo.thing.done.v1.json").write_text(json.dumps(topic))
    for name, definition in definitions.items():
        (sources / "definitions" / f"{name}.json").write_text(json.dumps(definition))
    return root


def output(root: Path) -> Path:
    return root / "demo_messages" / "src" / "fedora_bus_schemas_demo" / "schemas" / "demo.thing.done.v1.json"


def test_bundle_gathers_what_is_used_and_rewrites_references(tmp_path):
    bundle.write(make_repository(tmp_path))
    bundled = json.loads(output(tmp_path).read_text())
    assert list(bundled["definitions"]) == ["task", "user"]  # sorted; the unused one left out
    assert bundled["properties"]["task"] == {"$ref": "#/definitions/task"}
    assert bundled["properties"]["agent"]["allOf"] == [{"$ref": "#/definitions/user"}]
    assert bundled["properties"]["enum"]["enum"] == [{"$ref": "not a ref"}]
    assert bundled["definitions"]["task"]["properties"]["children"]["items"] == {"$ref": "#/definitions/task"}
    assert "demo_messages/schema_sources/demo.thing.done.v1.json" in bundled["$comment"]
    validator = jsonschema.Draft7Validator(bundled)
    assert validator.is_valid({"task": {"owner": {"name": "a"}, "children": [{"owner": {"name": "b"}}]}})
    assert not validator.is_valid({"task": {"children": [{"owner": {}}]}})


def test_check_reports_stale_edited_and_orphan_files(tmp_path):
    root = make_repository(tmp_path)
    assert len(bundle.check(root)) == 1  # missing
    bundle.write(root)
    assert bundle.check(root) == []
    output(root).write_text(output(root).read_text().replace("A thing", "Something"))
    orphan = output(root).with_name("demo.gone.v1.json")
    orphan.write_text("{}")
    problems = bundle.check(root)
    assert [problem.split(": ", 1)[1] for problem in problems] == [
        "differs from what its sources generate",
        "no source generates it",
    ]
    assert sorted(bundle.write(root)) == sorted([output(root), orphan])
    assert not orphan.exists()


def test_core_definitions_are_shared(tmp_path):
    topic = {**TOPIC, "properties": {"task": {"$ref": "core:definitions/nvr.json"}}}
    root = make_repository(tmp_path, topic, {})
    core = root / "core_messages" / "schema_sources" / "definitions"
    core.mkdir(parents=True)
    (core / "nvr.json").write_text(json.dumps({"type": "string", "pattern": "^.+-.+-.+$"}))
    bundle.write(root)
    bundled = json.loads(output(root).read_text())
    assert bundled["definitions"] == {"nvr": {"type": "string", "pattern": "^.+-.+-.+$"}}


@pytest.mark.parametrize(
    ("ref", "message"),
    [
        ("definitions/missing.json", "does not exist"),
        ("https://example.org/user.json", "unsupported reference"),
        ("definitions/user.json#/properties/name", "unsupported reference"),
        ("#/definitions/nowhere", "names no entry"),
        ("../../../etc/user.json", "does not exist"),
    ],
)
def test_broken_references_are_named(tmp_path, ref, message):
    topic = {**TOPIC, "properties": {"task": {"$ref": ref}}}
    with pytest.raises(bundle.BundleError, match=message):
        bundle.write(make_repository(tmp_path, topic))


def test_two_definitions_with_one_name_are_refused(tmp_path):
    topic = {**TOPIC, "definitions": {"user": {"type": "string"}}}
    with pytest.raises(bundle.BundleError, match="two definitions are called 'user'"):
        bundle.write(make_repository(tmp_path, topic))


def test_definition_files_carry_no_id(tmp_path):
    definitions = {**DEFINITIONS, "user": {"$id": "https://example.org/user.json", "type": "object"}}
    with pytest.raises(bundle.BundleError, match="no '\\$id'"):
        bundle.write(make_repository(tmp_path, definitions=definitions))


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    args = cli.build_parser().parse_args(["bundle", *argv])
    return args.run(args, out), out.getvalue()


def test_command_writes_then_checks(tmp_path):
    root = make_repository(tmp_path)
    assert run("--check", str(root)) == (
        1,
        f"{output(root)}: missing\nrun `fedora-bus-schemas bundle` to regenerate the schema files\n",
    )
    status, text = run(str(root))
    assert status == 0
    assert text.endswith("1 file changed\n")
    assert run("--check", str(root)) == (0, "")


def test_command_reports_errors_without_traceback(tmp_path):
    root = make_repository(tmp_path)
    (root / "demo_messages" / "schema_sources" / "demo.thing.done.v1.json").write_text("{broken")
    status, text = run(str(root))
    assert status == 2
    assert text.startswith("error: ") and "cannot read schema source" in text
    assert run(str(tmp_path / "nothing-here"))[0] == 2
