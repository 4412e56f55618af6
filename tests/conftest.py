"""Collection-wide tests: they run against whatever packages of the collection are installed.

Each tox environment installs one app package (with the core) as a wheel, so these tests check
that package alone; the ``all`` environment checks the whole collection together.
"""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("FEDORA_MESSAGING_CONF", str(Path(__file__).with_name("fedora-messaging.toml")))

import pytest
from hypothesis import HealthCheck, settings

from fedora_bus_schemas_core import registry, samples

REPO = Path(__file__).resolve().parent.parent

settings.register_profile("ci", max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "deep", max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

SCHEMAS = list(registry.registered().values())
SAMPLES = list(samples.load_all())


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Parametrize ``schema`` over every installed class and ``sample`` over every sample."""
    if "schema" in metafunc.fixturenames:
        metafunc.parametrize("schema", SCHEMAS, ids=[schema.name for schema in SCHEMAS])
    if "sample" in metafunc.fixturenames:
        metafunc.parametrize(
            "sample", SAMPLES, ids=[f"{sample.schema_name}/{sample.name}" for sample in SAMPLES]
        )
