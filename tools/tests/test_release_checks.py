"""The release guards on a throwaway repository: a released package, then changes to it."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from release_checks import check_repository

SCHEMA = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "$id": "https://fedora-bus-schemas.readthedocs.io/en/latest/schemas/demo/demo.thing.new.v1.json",
    "title": "demo.thing.new",
    "description": "A thing was created.",
    "type": "object",
    "required": ["id", "owner"],
    "properties": {
        "id": {"description": "Id.", "type": "integer"},
        "owner": {"description": "Owner.", "type": "object", "allOf": [{"$ref": "#/definitions/user"}]},
        "state": {"description": "State.", "type": "string", "enum": ["new", "done"]},
        "note": {"description": "Note.", "type": ["string", "null"]},
    },
    "definitions": {
        "user": {
            "description": "A user.",
            "type": "object",
            "required": ["name"],
            "properties": {"name": {"description": "Login.", "type": "string"}},
        }
    },
}


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


class Repository:
    """A repository holding one released package, fedora-bus-schemas-demo 1.0.0."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.package = root / "demo_messages"
        self.module = self.package / "src" / "fedora_bus_schemas_demo"
        (self.module / "schemas").mkdir(parents=True)
        (self.package / "changes").mkdir()
        (self.package / "changes" / "README.md").write_text("Fragments go here.\n")
        (self.package / "pyproject.toml").write_text('[project]\nname = "fedora-bus-schemas-demo"\n')
        (self.package / "CHANGELOG.md").write_text("# Changelog\n\n## 1.0.0 (2026-01-01)\n\n- First.\n")
        self.set_version("1.0.0")
        self.write_schema(SCHEMA)
        git(root, "init", "-q")
        git(
            root,
            "-c",
            "user.name=t",
            "-c",
            "user.email=t@example.com",
            "commit",
            "-qm",
            "release",
            "--allow-empty",
        )
        git(root, "add", "-A")
        git(root, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "1.0.0")
        git(root, "tag", "fedora-bus-schemas-demo-v1.0.0")

    def set_version(self, version: str) -> None:
        (self.module / "__init__.py").write_text(f'"""Demo."""\n\n__version__ = "{version}"\n')

    def write_schema(self, schema: dict, name: str = "demo.thing.new.v1") -> None:
        (self.module / "schemas" / f"{name}.json").write_text(json.dumps(schema, indent=2))

    def release_notes(self) -> None:
        (self.package / "changes" / "+change.changed.md").write_text("Changed the thing.\n")

    def changed_schema(self, change) -> dict:
        schema = json.loads(json.dumps(SCHEMA))
        change(schema)
        return schema

    def problems(self) -> list[str]:
        return check_repository(self.root)


@pytest.fixture
def repo(tmp_path):
    return Repository(tmp_path)


def test_unchanged_release_passes(repo):
    assert repo.problems() == []


def add_optional_key(schema):
    schema["properties"]["labels"] = {"description": "Labels.", "type": "array", "items": {"type": "string"}}


def widen_type(schema):
    schema["properties"]["id"]["type"] = ["integer", "string"]


def add_enum_value(schema):
    schema["properties"]["state"]["enum"].append("archived")


def drop_a_requirement(schema):
    schema["definitions"]["user"]["required"] = []


@pytest.mark.parametrize("change", [add_optional_key, widen_type, add_enum_value, drop_a_requirement])
def test_compatible_schema_change_with_new_version_and_notes_passes(repo, change):
    repo.write_schema(repo.changed_schema(change))
    repo.set_version("1.1.0")
    repo.release_notes()
    assert repo.problems() == []


def add_required_key(schema):
    schema["required"].append("state")


def narrow_type(schema):
    schema["properties"]["note"]["type"] = "string"


def remove_enum_value(schema):
    schema["properties"]["state"]["enum"] = ["new"]


def require_in_a_definition(schema):
    schema["definitions"]["user"]["properties"]["email"] = {"description": "Mail.", "type": "string"}
    schema["definitions"]["user"]["required"].append("email")


def drop_a_declared_key(schema):
    del schema["properties"]["note"]


@pytest.mark.parametrize(
    "change", [add_required_key, narrow_type, remove_enum_value, require_in_a_definition, drop_a_declared_key]
)
def test_breaking_schema_change_fails(repo, change):
    repo.write_schema(repo.changed_schema(change))
    repo.set_version("2.0.0")
    repo.release_notes()
    assert repo.problems() == [
        "fedora-bus-schemas-demo: schema demo.thing.new.v1 no longer accepts every body it accepted in "
        "fedora-bus-schemas-demo-v1.0.0; make the change a new class and schema name and deprecate this one"
    ]


def test_breaking_change_as_a_new_schema_name_passes(repo):
    repo.write_schema(repo.changed_schema(add_required_key), name="demo.thing.new.v2")
    repo.set_version("1.1.0")
    repo.release_notes()
    assert repo.problems() == []


def test_removed_schema_fails(repo):
    (repo.module / "schemas" / "demo.thing.new.v1.json").unlink()
    repo.set_version("2.0.0")
    repo.release_notes()
    assert repo.problems() == [
        "fedora-bus-schemas-demo: schema demo.thing.new.v1 was released in "
        "fedora-bus-schemas-demo-v1.0.0 and is gone"
    ]


def test_change_without_a_new_version_fails(repo):
    repo.write_schema(repo.changed_schema(add_optional_key))
    repo.release_notes()
    [problem] = repo.problems()
    assert "changed since fedora-bus-schemas-demo-v1.0.0" in problem and "version is still 1.0.0" in problem


def test_change_without_changelog_entry_fails(repo):
    repo.write_schema(repo.changed_schema(add_optional_key))
    repo.set_version("1.0.1")
    assert repo.problems() == [
        "fedora-bus-schemas-demo: changed since fedora-bus-schemas-demo-v1.0.0 but no changelog entry "
        "(add a fragment to demo_messages/changes/ or a section for 1.0.1)"
    ]


def test_released_changelog_section_counts_as_an_entry(repo):
    repo.write_schema(repo.changed_schema(add_optional_key))
    repo.set_version("1.0.1")
    with (repo.package / "CHANGELOG.md").open("a") as changelog:
        changelog.write("\n## 1.0.1 (2026-02-01)\n\n- Added labels.\n")
    assert repo.problems() == []
