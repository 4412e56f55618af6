"""Two installed distributions registering the same schema name are reported, not silently mixed."""

from __future__ import annotations

import importlib
import sys
import warnings

import pytest

from fedora_bus_schemas_core import SchemaConflictWarning, conflicts, warn_about_conflicts


def fake_distribution(root, name: str, entry_points: dict[str, str]) -> None:
    """An installed distribution as importlib.metadata sees it: a dist-info folder on sys.path,
    and its top-level module, named like the distribution."""
    (root / name.replace("-", "_")).mkdir()
    (root / name.replace("-", "_") / "__init__.py").write_text("")
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
    importlib.invalidate_caches()


def test_conflicts_lists_names_registered_twice(upstream_next_to_ours):
    assert conflicts.conflicts() == {"demo.thing.new.v1": ["demo-messages", "fedora-bus-schemas-demo"]}


def test_importing_a_package_next_to_its_upstream_warns(upstream_next_to_ours):
    with pytest.warns(
        SchemaConflictWarning,
        match=r"fedora-bus-schemas-demo and demo-messages are installed together and both register "
        r"1 schema name\(s\) \(demo\.thing\.new\.v1\)",
    ):
        warn_about_conflicts("fedora-bus-schemas-demo", "demo-messages", "demo_messages")


def test_no_warning_when_the_counterpart_is_absent_or_shares_no_name(upstream_next_to_ours, tmp_path):
    fake_distribution(tmp_path, "demo-other", {"demo.other.v1": "upstream:Other"})
    importlib.invalidate_caches()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        warn_about_conflicts("fedora-bus-schemas-demo", "not-installed-anywhere", "not_installed_anywhere")
        warn_about_conflicts("fedora-bus-schemas-demo", "demo-other", "demo_other")


def test_no_metadata_is_read_when_the_counterpart_module_is_absent(monkeypatch):
    """Importing a package only looks for its counterpart's module: no distribution is read."""

    def no_metadata(*args, **kwargs):
        raise AssertionError("distribution metadata was read")

    monkeypatch.setattr(conflicts.metadata, "entry_points", no_metadata)
    monkeypatch.setattr(conflicts.metadata, "distribution", no_metadata)
    warn_about_conflicts("fedora-bus-schemas-core", "bodhi-messages-not-here", "bodhi_messages_not_here")
