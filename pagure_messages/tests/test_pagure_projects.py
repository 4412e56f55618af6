"""What Pagure's project messages say about themselves."""

from __future__ import annotations

import pytest

from fedora_bus_schemas_core import samples
from fedora_bus_schemas_pagure import (
    ProjectDeletedV1,
    ProjectForkedV1,
    ProjectGroupAccessUpdatedV1,
    ProjectGroupAddedV1,
    ProjectNewV1,
    ProjectTagEditedV1,
    ProjectUserAccessUpdatedV1,
    ProjectUserAddedV1,
)
from tests.support import fact, sample


@pytest.mark.parametrize(
    ("namespace", "prop"),
    [
        ("rpms", "packages"),
        ("container", "containers"),
        ("containers", "containers"),
        ("modules", "modules"),
        ("flatpaks", "flatpaks"),
    ],
)
def test_dist_git_namespaces(namespace, prop):
    body = samples.bodies(ProjectNewV1)[0]
    body["project"]["namespace"] = namespace
    message = ProjectNewV1(body=body)
    expected = {"packages": [], "containers": [], "modules": [], "flatpaks": []}
    expected[prop] = [body["project"]["name"]]
    assert {key: getattr(message, key) for key in expected} == expected


def test_pagure_io_namespaces_are_no_packages():
    message = sample(ProjectNewV1, "pagure-io-namespace-no-description")
    assert message.summary == "ahughes created the project fedora-infra/fedora-badges-ng"
    assert message.packages == message.containers == message.modules == message.flatpaks == []
    assert message.url == "https://pagure.io/fedora-infra/fedora-badges-ng"


def test_new_flatpak():
    message = sample(ProjectNewV1, "dist-git-flatpak")
    assert message.flatpaks == ["org.gnome.TextEditor"]
    assert message.url == "https://src.fedoraproject.org/flatpaks/org.gnome.TextEditor"


def test_fork_names_the_original_and_links_to_the_fork():
    message = sample(ProjectForkedV1, "dist-git-rpms-fork")
    assert message.summary == "tkowalski forked rpms/python-requests"
    assert message.url == "https://src.fedoraproject.org/fork/tkowalski/rpms/python-requests"
    assert message.packages == ["python-requests"]
    assert fact(message, "Fork") == "forks/tkowalski/rpms/python-requests"


def test_deleted_fork_and_project():
    fork = sample(ProjectDeletedV1, "dist-git-stale-fork")
    assert fork.summary == "tkowalski deleted their fork of rpms/python-requests"
    assert fork.url == "https://src.fedoraproject.org/rpms/python-requests"
    project = sample(ProjectDeletedV1, "pagure-io-project")
    assert project.summary == "ahughes deleted the project fedora-infra/fedora-badges-ng"
    assert project.url is None


def test_staging_urls_come_from_the_body():
    assert sample(ProjectNewV1, "staging-pagure-io").url == "https://stg.pagure.io/fedora-messaging-test"


def test_access_changes():
    assert sample(ProjectUserAddedV1, "dist-git-collaborator-branches").summary == (
        "jsmith gave dnovak collaborator access (branches epel9, epel10*) to rpms/kernel"
    )
    updated = sample(ProjectUserAccessUpdatedV1, "dist-git-commit-to-admin")
    assert updated.summary == "mlopez set rpatel's access on rpms/python-requests to admin"
    assert updated.usernames == ["mlopez", "rpatel"]
    group = sample(ProjectGroupAddedV1, "dist-git-sig-commit")
    assert group.summary == "ekovacs gave the group rust-sig commit access to rpms/rust-serde_json"
    assert group.groups == ["rust-sig"]


def test_group_access_updated_reads_new_branches():
    """Pagure sends new_branches; pagure-messages 1.3.3 declared branches (now fixed)."""
    message = sample(ProjectGroupAccessUpdatedV1, "dist-git-flatpak-branches")
    assert message.summary == (
        "rpatel set the access of the group gnome-sig on flatpaks/flatpak-runtime to collaborator "
        "(branches f41, f42, rawhide)"
    )
    properties = ProjectGroupAccessUpdatedV1.body_schema["properties"]
    assert properties["new_branches"]["type"] == ["string", "null"]
    assert "new_branches" not in ProjectGroupAccessUpdatedV1.body_schema["required"]
    body = samples.bodies(ProjectGroupAccessUpdatedV1)[0]
    body["branches"] = body.pop("new_branches")
    assert ProjectGroupAccessUpdatedV1.accepts(body)


def test_tag_rename():
    message = sample(ProjectTagEditedV1, "pagure-io-renamed")
    assert message.summary == "dnovak renamed the tag API of pagure to api"
    assert fact(message, "After") == "api (Issues about the REST API, DeepSkyBlue)"
