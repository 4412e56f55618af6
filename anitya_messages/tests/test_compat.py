"""The schema names keep accepting what anitya-schema 2.3.0 accepted, and the classes keep its names.

The bodies below are the smallest ones upstream's schemas accept: exactly the keys they require,
at the simplest value of the type they declare.
"""

from __future__ import annotations

import copy

import jsonschema
import pytest

import fedora_bus_schemas_anitya
from fedora_bus_schemas_anitya import (
    ProjectEdited,
    ProjectFlag,
    ProjectMapEdited,
    ProjectVersionUpdated,
    ProjectVersionUpdatedV2,
)
from fedora_bus_schemas_core import registry, samples

#: The project keys anitya-schema requires, at their simplest.
PROJECT = {
    "backend": "",
    "created_on": 0,
    "homepage": "",
    "id": 0,
    "name": "",
    "regex": None,
    "updated_on": 0,
    "version": None,
    "version_url": None,
    "versions": [],
}
DISTRO = {"name": ""}

MINIMAL = {
    "anitya.distro.add": {"project": None, "distro": DISTRO, "message": {"agent": "", "distro": ""}},
    "anitya.distro.edit": {"project": None, "distro": DISTRO, "message": {"agent": "", "old": "", "new": ""}},
    "anitya.distro.remove": {"project": None, "distro": DISTRO, "message": {"agent": "", "distro": ""}},
    "anitya.project.add": {"project": PROJECT, "distro": None, "message": {"agent": "", "project": ""}},
    "anitya.project.edit": {
        "project": PROJECT,
        "distro": None,
        "message": {"agent": "", "project": "", "fields": [], "changes": {}},
    },
    "anitya.project.remove": {"project": PROJECT, "distro": None, "message": {"agent": "", "project": ""}},
    "anitya.project.flag": {"project": PROJECT, "message": {"agent": "", "project": "", "packages": []}},
    "anitya.project.flag.set": {
        "project": None,
        "distro": None,
        "message": {"agent": "", "flag": 0, "state": ""},
    },
    "anitya.project.map.new": {
        "project": PROJECT,
        "distro": DISTRO,
        "message": {"agent": "", "project": "", "distro": "", "new": ""},
    },
    "anitya.project.map.update": {
        "project": PROJECT,
        "distro": DISTRO,
        "message": {"agent": "", "project": "", "distro": "", "new": "", "prev": "", "edited": []},
    },
    "anitya.project.map.remove": {
        "project": PROJECT,
        "distro": None,
        "message": {"agent": "", "project": "", "distro": ""},
    },
    "anitya.project.version.update": {
        "project": PROJECT,
        "distro": None,
        "message": {
            "agent": "",
            "project": PROJECT,
            "upstream_version": "",
            "old_version": "",
            "versions": [],
            "packages": [],
            "odd_change": False,
        },
    },
    "anitya.project.version.update.v2": {
        "project": PROJECT,
        "distro": None,
        "message": {
            "agent": "",
            "project": PROJECT,
            "upstream_versions": [],
            "old_version": "",
            "versions": [],
            "stable_versions": [],
            "packages": [],
        },
    },
    "anitya.project.version.remove": {
        "project": PROJECT,
        "distro": None,
        "message": {"agent": "", "project": "", "version": ""},
    },
    "anitya.project.version.remove.v2": {
        "project": PROJECT,
        "distro": None,
        "message": {"agent": "", "project": "", "versions": []},
    },
}

#: Class names of anitya-schema 2.3.0, so that consumers' isinstance checks port.
UPSTREAM_CLASSES = {
    "anitya.distro.add": "DistroCreated",
    "anitya.distro.edit": "DistroEdited",
    "anitya.distro.remove": "DistroDeleted",
    "anitya.project.add": "ProjectCreated",
    "anitya.project.edit": "ProjectEdited",
    "anitya.project.remove": "ProjectDeleted",
    "anitya.project.flag": "ProjectFlag",
    "anitya.project.flag.set": "ProjectFlagSet",
    "anitya.project.map.new": "ProjectMapCreated",
    "anitya.project.map.update": "ProjectMapEdited",
    "anitya.project.map.remove": "ProjectMapDeleted",
    "anitya.project.version.update": "ProjectVersionUpdated",
    "anitya.project.version.update.v2": "ProjectVersionUpdatedV2",
    "anitya.project.version.remove": "ProjectVersionDeleted",
    "anitya.project.version.remove.v2": "ProjectVersionDeletedV2",
}


def ours() -> dict[str, registry.RegisteredSchema]:
    return {
        name: schema
        for name, schema in registry.registered().items()
        if schema.distribution == "fedora-bus-schemas-anitya"
    }


def test_the_fifteen_upstream_names_with_upstream_class_names():
    assert {name: schema.cls.__name__ for name, schema in ours().items()} == UPSTREAM_CLASSES
    for name, class_name in UPSTREAM_CLASSES.items():
        cls = getattr(fedora_bus_schemas_anitya, class_name)
        assert cls.schema_name == name and cls.topic == name
        assert cls.topic_prefix == "org.release-monitoring.prod."
        assert cls.app_name == "anitya"


@pytest.mark.parametrize("name", sorted(MINIMAL))
def test_minimal_upstream_bodies_stay_valid(name):
    ours()[name].cls(body=copy.deepcopy(MINIMAL[name])).validate()


def test_keys_added_later_are_optional():
    body = copy.deepcopy(samples.bodies(ProjectVersionUpdatedV2)[0])
    for project in (body["project"], body["message"]["project"]):
        del project["stable_versions"], project["ecosystem"]
    del body["message"]["ecosystem"]
    ProjectVersionUpdatedV2(body=body).validate()
    v1 = copy.deepcopy(samples.bodies(ProjectVersionUpdated)[0])
    del v1["message"]["stable_versions"]
    ProjectVersionUpdated(body=v1).validate()


def test_nullable_timestamps():
    body = copy.deepcopy(MINIMAL["anitya.project.version.update.v2"])
    body["project"] = {**PROJECT, "created_on": None, "updated_on": 1412174944.0}
    ProjectVersionUpdatedV2(body=body).validate()


def test_mappings_are_validated_now():
    """anitya-schema put the mapping's properties directly under 'items': nothing was checked."""
    for cls in (ProjectFlag, ProjectVersionUpdated, ProjectVersionUpdatedV2):
        body = copy.deepcopy(samples.bodies(cls)[0])
        body["message"]["packages"] = [{"distro": "Fedora", "package_name": "python-requests"}]
        cls(body=body).validate()
        for broken in ("python-requests", {"distro": "Fedora"}, {"distro": "Fedora", "package_name": 7}):
            body["message"]["packages"] = [broken]
            with pytest.raises(jsonschema.ValidationError):
                cls(body=body).validate()


def test_project_edit_changes():
    body = copy.deepcopy(samples.bodies(ProjectEdited)[0])
    body["message"]["changes"]["old"] = None  # declared on 'changes' itself by anitya-schema
    ProjectEdited(body=body).validate()
    body["message"]["changes"]["homepage"] = "https://flatpak.org/"
    with pytest.raises(jsonschema.ValidationError):
        ProjectEdited(body=body).validate()


def test_mapping_edit_without_prev_and_edited():
    """Anitya leaves them out when an edit changes nothing; anitya-schema required them."""
    body = copy.deepcopy(MINIMAL["anitya.project.map.update"])
    del body["message"]["prev"], body["message"]["edited"]
    ProjectMapEdited(body=body).validate()
