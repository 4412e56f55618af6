"""Two installed distributions registering the same schema name are reported, not silently mixed."""

from __future__ import annotations

import sys
import warnings

import pytest

from fedora_bus_schemas_core import SchemaConflictWarning, registry, warn_about_conflicts


def fake_distribution(root, name: str, entry_points: dict[str, str]) -> None:
    """An installed distribution as importlib.metadata sees it: a dist-info folder on sys.path."""
    info = root / f"{name.replace('-', '_')}-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n")
    lines = "\n".join(f"{key} = {value}" for key, value in entry_points.items())
    (info / "entry_points.txt").write_text(f"[fedora.messages]\n{lines}\n")


@pytest.fixture
def upstream_next_to_ours(tmp_path, monkeypatch):
    fake_distribution(
        tmp_path,
        "fedora-bus-schemas-demo",
        {"demo.thing.new.v1": "ours:Thing", "demo.only.ours.v1": "ours:Only"},
    )
    fake_distribution(tmp_path, "demo-messages", {"demo.thing.new.v1": "upstream:Thing"})
    monkeypatch.setattr(sys, "path", [str(tmp_path), *sys.path])


def test_conflicts_lists_names_registered_twice(upstream_next_to_ours):
    assert registry.conflicts() == {"demo.thing.new.v1": ["demo-messages", "fedora-bus-schemas-demo"]}


def test_importing_a_package_next_to_its_upstream_warns(upstream_next_to_ours):
    with pytest.warns(
        SchemaConflictWarning, match=r"fedora-bus-schemas-demo and demo-messages are installed together"
    ):
        warn_about_conflicts("fedora_bus_schemas_demo")


def test_no_warning_without_conflict():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        warn_about_conflicts("fedora-bus-schemas-core")
