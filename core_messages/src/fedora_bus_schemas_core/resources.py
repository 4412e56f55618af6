"""Schemas and samples shipped as package data.

Every app package has the same layout: ``<package>/schemas/<schema name>.json`` holds the body
schema of the class registered under that name, and ``<package>/samples/<schema name>/*.json``
holds its sample bodies, one JSON object per file.
"""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from importlib.abc import Traversable

SCHEMAS_DIR = "schemas"
SAMPLES_DIR = "samples"


def package_files(module: str) -> Traversable:
    """The data files of the top-level package that ``module`` belongs to."""
    return resources.files(module.partition(".")[0])


def read_json(resource: Traversable) -> Any:
    with resource.open("r", encoding="utf-8") as stream:
        return json.load(stream)


@functools.cache
def load_schema(module: str, schema_name: str) -> dict[str, Any]:
    """The body schema that ``module``'s package ships for ``schema_name``, read once."""
    resource = package_files(module) / SCHEMAS_DIR / f"{schema_name}.json"
    if not resource.is_file():
        raise FileNotFoundError(
            f"schema {schema_name!r}: no file {SCHEMAS_DIR}/{schema_name}.json in the package of {module!r}"
        )
    return read_json(resource)


def sample_files(module: str, schema_name: str) -> list[Traversable]:
    """The sample files for ``schema_name``, sorted by file name."""
    folder = package_files(module) / SAMPLES_DIR / schema_name
    if not folder.is_dir():
        return []
    return sorted(
        (entry for entry in folder.iterdir() if entry.name.endswith(".json")),
        key=lambda entry: entry.name,
    )
