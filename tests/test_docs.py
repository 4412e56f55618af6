"""The documentation site generated from the installed packages (``docs/``).

Every registered schema name must have its section on its app's page, its JSON Schema served for
download, and a shipped sample that validates; a broken sample must stop the build.

Skipped where Sphinx is not installed (the per-package tox environments). The ``docs``
environment builds once with ``sphinx-build -W`` and passes the tree in ``FBS_DOCS_HTML``;
without it, the tests build the site themselves.
"""

from __future__ import annotations

import copy
import functools
import io
import json
import os
import sys
import tomllib
from pathlib import Path

import pytest

pytest.importorskip("sphinx")
pytest.importorskip("furo")
pytest.importorskip("myst_parser")

from fedora_messaging import config as fm_config
from sphinx.application import Sphinx
from sphinx.cmd.build import build_main
from sphinx.errors import SphinxError
from sphinx.util.docutils import docutils_namespace, patch_docutils

from fedora_bus_schemas_core import registry, samples

REPO = Path(__file__).resolve().parent.parent
DOCS = REPO / "docs"
sys.path.insert(0, str(DOCS / "_ext"))

from fedora_schemas import fields, model  # noqa: E402


@pytest.fixture(scope="session")
def html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built site: ``FBS_DOCS_HTML``, or a fresh ``sphinx-build -W`` into a temporary folder."""
    given = os.environ.get("FBS_DOCS_HTML")
    if given:
        return Path(given)
    out = tmp_path_factory.mktemp("docs")
    args = [
        "-W",
        "--keep-going",
        "-q",
        "-b",
        "html",
        "-d",
        str(out / "doctrees"),
        str(DOCS),
        str(out / "html"),
    ]
    assert build_main(args) == 0, "sphinx-build -W failed: see the captured output"
    return out / "html"


def _app(schema: registry.RegisteredSchema) -> str:
    return model.Schema(schema).app


@functools.cache
def _read(path: Path) -> str:
    """A page of the built site (an app page holds every section of the app: read it once)."""
    return path.read_text(encoding="utf-8")


def test_every_schema_name_has_its_section(html: Path, schema: registry.RegisteredSchema) -> None:
    page = html / "apps" / f"{_app(schema)}.html"
    assert page.is_file(), f"no page for the app of {schema.name}"
    text = _read(page)
    anchor = model.Schema(schema).anchor
    assert f'<section class="fbs-schema" id="{anchor}">' in text or f'id="{anchor}"' in text
    assert f'id="{anchor}-fields"' in text, "no field table"
    assert f'id="{anchor}-example"' in text, "no example"
    assert f'id="{anchor}-binding"' in text, "no config.toml binding"
    assert schema.import_path in text
    assert schema.cls.topic in text


def test_the_topics_index_links_every_schema_name(html: Path, schema: registry.RegisteredSchema) -> None:
    text = _read(html / "topics.html")
    assert f'href="apps/{_app(schema)}.html#{model.Schema(schema).anchor}"' in text


def test_every_schema_file_is_served(html: Path, schema: registry.RegisteredSchema) -> None:
    served = html / "schemas" / _app(schema) / f"{schema.name}.json"
    assert json.loads(served.read_text(encoding="utf-8")) == schema.cls.body_schema
    page = _read(html / "apps" / f"{_app(schema)}.html")
    assert f'href="../schemas/{_app(schema)}/{schema.name}.json"' in page


def test_app_pages_are_also_at_the_urls_the_packages_publish(html: Path) -> None:
    # The packages' metadata links to <site>/<app>.html.
    for app in model.apps():
        redirect = (html / f"{app.name}.html").read_text(encoding="utf-8")
        assert f'url=apps/{app.name}.html"' in redirect


def test_every_changelog_is_included(html: Path) -> None:
    text = (html / "changelog.html").read_text(encoding="utf-8")
    folders = sorted(REPO.glob("*_messages/CHANGELOG.md"))
    assert folders
    for path in folders:
        with (path.parent / "pyproject.toml").open("rb") as stream:
            name = tomllib.load(stream)["project"]["name"]
        assert f'id="changelog-{name}"' in text


def test_the_command_line_reference_shows_every_subcommand(html: Path) -> None:
    text = (html / "cli.html").read_text(encoding="utf-8")
    for command in ("validate", "list"):
        assert f'id="cli-{command}"' in text
        assert f"usage: fedora-bus-schemas {command}" in text


def test_the_binding_is_valid_fedora_messaging_configuration(
    schema: registry.RegisteredSchema, tmp_path: Path
) -> None:
    snippet = model.binding_toml(model.Schema(schema))
    parsed = tomllib.loads(snippet)
    (binding,) = parsed["bindings"]
    assert binding["exchange"] == "amq.topic"
    assert binding["routing_keys"] == [schema.cls.topic_prefix + schema.cls.topic]
    assert binding["queue"] in parsed["queues"]
    path = tmp_path / "config.toml"
    path.write_text('amqp_url = "amqp://localhost/%2F"\n' + snippet, encoding="utf-8")
    loaded = fm_config.LazyConfig().load_config(str(path))  # raises ConfigurationException if invalid
    assert loaded["bindings"] == parsed["bindings"]


def test_the_shown_sample_validates(schema: registry.RegisteredSchema) -> None:
    sample = model.first_sample(schema.cls)
    assert sample is not None, f"{schema.name}: no sample shipped"
    assert model.sample_problem(schema.cls, sample.body) is None


def _broken_sample() -> samples.Sample:
    """The first sample of a class with required keys, without its first required key."""
    for schema in registry.registered().values():
        required = schema.cls.body_schema.get("required") or []
        sample = model.first_sample(schema.cls)
        if required and sample is not None:
            body = copy.deepcopy(sample.body)
            body.pop(required[0], None)
            return samples.Sample(cls=schema.cls, name="broken", body=body)
    pytest.skip("no installed class has a required key")


def test_a_sample_that_does_not_validate_is_reported() -> None:
    broken = _broken_sample()
    problem = model.sample_problem(broken.cls, broken.body)
    assert problem is not None
    assert "is a required property" in problem


def test_a_broken_sample_fails_the_build(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    broken = _broken_sample()
    monkeypatch.setattr(model, "first_sample", lambda cls: broken if cls is broken.cls else None)
    warnings = io.StringIO()
    with (
        patch_docutils(str(DOCS)),
        docutils_namespace(),
        pytest.raises(SphinxError, match="do not validate"),
    ):
        app = Sphinx(
            str(DOCS),
            str(DOCS),
            str(tmp_path / "html"),
            str(tmp_path / "doctrees"),
            "html",
            status=io.StringIO(),
            warning=warnings,
            freshenv=True,
            warningiserror=True,
        )
        app.build()
    assert not (tmp_path / "html" / "index.html").exists()


# The field tables: nested objects flattened to dotted paths.

NESTED = {
    "type": "object",
    "required": ["update", "previous"],
    "properties": {
        "update": {
            "description": "The update.",
            "type": "object",
            "allOf": [{"$ref": "#/definitions/update"}],
        },
        "previous": {
            "description": "The update before, if any.",
            "type": ["object", "null"],
            "anyOf": [{"$ref": "#/definitions/update"}, {"type": "null"}],
        },
        "data": {
            "description": "Free-form data.",
            "type": "object",
            "additionalProperties": {
                "description": "Values of a key.",
                "type": "array",
                "items": {"type": "string"},
            },
        },
        "status": {"description": "Where it is.", "type": "string", "enum": ["testing", "stable"]},
    },
    "definitions": {
        "update": {
            "description": "An update.",
            "type": "object",
            "required": ["builds"],
            "properties": {
                "builds": {
                    "description": "Its builds.",
                    "type": "array",
                    "items": {
                        "description": "A build.",
                        "type": "object",
                        "required": ["nvr"],
                        "properties": {
                            "nvr": {"description": "Its NVR.", "type": "string"},
                            "productmd.compose.id": {"description": "A compose.", "type": ["string", "null"]},
                        },
                    },
                }
            },
        }
    },
}


def test_nested_objects_become_dotted_paths() -> None:
    rows = {row.path: row for row in fields.flatten(NESTED)}
    assert list(rows) == [
        "update",
        "update.builds",
        "update.builds[]",
        "update.builds[].nvr",
        'update.builds[]["productmd.compose.id"]',
        "previous",
        "data",
        "data.<key>",
        "data.<key>[]",
        "status",
    ]
    assert rows["update"].description == "The update."  # its own description, not the definition's
    assert rows["update.builds"].item_types == ("object",)
    assert rows["update.builds[].nvr"].required is True
    assert rows['update.builds[]["productmd.compose.id"]'].nullable
    assert rows["update.builds[]"].required is None
    assert rows["previous"].types == ("object", "null") and rows["previous"].nullable
    assert rows["previous"].same_as == "update"  # the definition is listed once
    assert rows["status"].enum == ("testing", "stable")
    assert rows["data.<key>"].types == ("array",)
