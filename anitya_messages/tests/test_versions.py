"""What Anitya's new-version and version-deletion messages say about themselves."""

from __future__ import annotations

import copy

import pytest

from fedora_bus_schemas_anitya import (
    ProjectVersionDeleted,
    ProjectVersionDeletedV2,
    ProjectVersionUpdated,
    ProjectVersionUpdatedV2,
)
from fedora_bus_schemas_core import samples
from tests.support import sample


def test_one_version_found():
    message = sample(ProjectVersionUpdatedV2, "pypi-one-version-many-distros")
    assert message.summary == "requests 2.32.3 was found upstream"
    assert message.packages == ["python-requests"], "only the Fedora mapping"
    assert message.distros == ["Alpine", "Arch Linux", "Debian", "Fedora", "openSUSE"]
    assert {"distro": "Debian", "package_name": "requests"} in message.mappings
    assert message.url == "https://release-monitoring.org/project/4004/"
    assert message.agent_name == "anitya"
    assert message.usernames == [], "Anitya's own checks concern no user"
    assert message.agent_avatar == message.app_icon
    assert message.topic == "anitya.project.version.update.v2"
    assert message.topic_prefix == "org.release-monitoring.prod."


def test_two_versions_found_in_plural():
    message = sample(ProjectVersionUpdatedV2, "crates-two-versions-fedora")
    assert message.summary == "2 new versions of serde were found upstream: 1.0.209 and 1.0.210"
    assert message.packages == ["rust-serde"]
    assert message.upstream_versions == ["1.0.209", "1.0.210"]
    assert message.old_version == "1.0.208"
    text = str(message)
    assert text.startswith(message.summary + "\n\n")
    assert "Found:            1.0.209 and 1.0.210" in text
    assert "Previous version: 1.0.208" in text
    assert "Packages:         rust-serde (Fedora)" in text


def test_pre_releases_are_named():
    message = sample(ProjectVersionUpdatedV2, "npm-stable-and-pre-release")
    assert message.summary == (
        "2 new versions of typescript were found upstream: 5.6.3 and 5.7.0-beta (5.7.0-beta is a pre-release)"
    )
    assert "5.7.0-beta" not in message.stable_versions
    v1 = sample(ProjectVersionUpdated, "npm-pre-release")
    assert v1.summary == "typescript 5.7.0-beta was found upstream (a pre-release)"


def test_many_versions_are_counted():
    message = sample(ProjectVersionUpdatedV2, "github-first-check-eight-versions-no-mapping")
    assert message.summary == "8 new versions of zellij were found upstream, up to 0.40.1"
    assert message.packages == [] and message.mappings == [] and message.distros == []
    assert "Previous version: (none)" in str(message)


def test_v1_names_the_latest_version():
    message = sample(ProjectVersionUpdated, "crates-two-versions-fedora")
    assert message.summary == "serde 1.0.210 was found upstream"
    assert message.version == "1.0.210"
    assert message.odd_change is False
    assert message.packages == ["rust-serde"]


def test_v1_and_v2_are_both_current():
    assert not ProjectVersionUpdated.deprecated and ProjectVersionUpdated.replaced_by is None
    assert ProjectVersionUpdated.topic != ProjectVersionUpdatedV2.topic


def test_v1_body_from_2018_without_stable_versions():
    message = sample(ProjectVersionUpdated, "github-2018-without-stable-versions-and-ecosystem")
    message.validate()
    assert message.summary == "lnav 0.8.4 was found upstream"
    assert message.packages == ["lnav"], "the Gentoo mapping is not a Fedora package"
    assert message.stable_versions == []


def test_fedora_is_matched_without_case_and_broken_mappings_are_skipped():
    body = copy.deepcopy(samples.bodies(ProjectVersionUpdatedV2)[0])
    body["message"]["packages"] = [
        {"distro": "fedora", "package_name": "python-requests"},
        {"distro": "Fedora"},
        {"package_name": "orphan"},
        "python-requests3",
        {"distro": "Fedora", "package_name": "python3-requests"},
    ]
    message = ProjectVersionUpdatedV2(body=body)
    assert message.packages == ["python-requests", "python3-requests"]
    assert len(message.mappings) == 2


@pytest.mark.parametrize(
    ("found", "summary"),
    [
        ([], "New versions of requests were found upstream"),
        (["2.32.3"], "requests 2.32.3 was found upstream"),
        (["1", "2", "3"], "3 new versions of requests were found upstream: 1, 2 and 3"),
        (["1", "2", "3", "4", "5"], "5 new versions of requests were found upstream: 1, 2, 3, 4 and 5"),
        ([str(n) for n in range(6)], "6 new versions of requests were found upstream, up to 5"),
    ],
)
def test_v2_wording(found, summary):
    body = {"project": {"name": "requests"}, "message": {"upstream_versions": found}}
    assert ProjectVersionUpdatedV2(body=body).summary == summary


def test_deleting_versions():
    one = sample(ProjectVersionDeletedV2, "one-version")
    assert one.summary == "ekovacs deleted version 3.0.0.dev0 of requests"
    assert one.usernames == ["ekovacs"]
    every = sample(ProjectVersionDeletedV2, "all-versions")
    assert every.summary == "mlopez deleted 8 versions of zellij"
    none = sample(ProjectVersionDeletedV2, "all-versions-of-project-without-any")
    assert none.summary == "tkowalski deleted the versions of jiff"
    body = {"project": {"name": "jiff"}, "message": {"agent": "tkowalski", "versions": ["0.1.0", "0.1.1"]}}
    assert ProjectVersionDeletedV2(body=body).summary == "tkowalski deleted versions 0.1.0 and 0.1.1 of jiff"


def test_deleting_one_version_with_the_old_topic():
    message = sample(ProjectVersionDeleted, "bogus-tag")
    assert message.summary == "rpatel deleted version LIBVIRT_0_1 of libvirt"
    assert message.version == "LIBVIRT_0_1"
    assert not ProjectVersionDeleted.deprecated, "its replacement is another topic"


def test_the_new_hotness_accessors():
    """What the-new-hotness reads from upstream's ProjectVersionUpdatedV2 works the same."""
    message = sample(ProjectVersionUpdatedV2, "crates-two-versions-fedora")
    assert message.project_name == "serde"
    assert message.project_id == 13143
    assert message.versions[0] == "1.0.210"
    assert "Fedora" in message.distros
    assert [m["package_name"] for m in message.mappings if m["distro"] == "Fedora"] == ["rust-serde"]
    assert [v for v in message.upstream_versions if v in message.stable_versions] == ["1.0.209", "1.0.210"]
    assert message.project_url == "https://release-monitoring.org/project/13143/"


def test_empty_bodies():
    assert ProjectVersionUpdated(body={}).summary == "A new upstream version was found"
    assert ProjectVersionUpdatedV2(body={}).summary == "New versions of a project were found upstream"
    assert ProjectVersionDeletedV2(body={}).summary == "Someone deleted the versions of a project"
    assert ProjectVersionUpdatedV2(body={}).url is None
