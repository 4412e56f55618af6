"""What the-new-hotness's messages say about themselves, for today's and fedmsg-era bodies."""

from __future__ import annotations

import copy

import pytest
from fedora_messaging.message import get_class

from fedora_bus_schemas_core import as_typed, class_for_topic, samples
from fedora_bus_schemas_hotness import UpdateBugFile, UpdateDrop
from tests.support import received, sample

#: A fedmsg-era bug.file body (2014, stg): the trigger is a whole fedmsg envelope of an
#: anitya.project.version.update (v1) message, and there is no 'package'.
FEDMSG_ERA_BUG_FILE = {
    "trigger": {
        "username": "ralph",
        "i": 1,
        "timestamp": 1416513232,
        "msg_id": "2014-7c19ff86-e6ef-4ccb-91b7-e836f33c7350",
        "crypto": "x509",
        "topic": "org.fedoraproject.stg.anitya.project.version.update",
        "msg": {
            "project": {
                "name": "Makefile-DOM",
                "id": 3052,
                "version": "0.007",
                "homepage": "http://search.cpan.org/dist/Makefile-DOM/",
            },
            "message": {
                "versions": ["0.006", "0.007"],
                "old_version": "0.006",
                "agent": "anitya",
                "upstream_version": "0.007",
                "packages": [{"package_name": "perl-Makefile-DOM", "distro": "Fedora"}],
            },
            "distro": None,
        },
    },
    "bug": {"bug_id": 1143475},
}


def test_bug_filed():
    message = sample(UpdateBugFile, "python-requests-new-bug")
    assert message.summary == "the-new-hotness reported python-requests 2.32.3 in bug 2289693"
    assert message.packages == ["python-requests"]
    assert message.url == "https://bugzilla.redhat.com/show_bug.cgi?id=2289693"
    assert message.usernames == [] and message.agent_name is None
    assert message.project_name == "requests" and message.project_id == 4004
    assert message.project_url == "https://release-monitoring.org/project/4004/"
    assert message.old_version == "2.32.2" and message.upstream_versions == ["2.32.3"]
    assert {"distro": "Alpine", "package_name": "py3-requests"} in message.mappings
    assert message.fedora_packages == ["python-requests"]
    text = str(message)
    assert "Bug:              https://bugzilla.redhat.com/show_bug.cgi?id=2289693" in text
    assert "Project page:     https://release-monitoring.org/project/4004/" in text


def test_no_bug_when_the_package_turns_bugs_off():
    message = sample(UpdateBugFile, "rust-serde-bugs-turned-off")
    assert message.bug_id is None
    assert message.summary == (
        "the-new-hotness saw rust-serde 1.0.214 but filed no bug, "
        "as the package's monitoring configuration turns bugs off"
    )
    assert message.url == "https://release-monitoring.org/project/6470/"


def test_several_versions_found_at_once():
    message = sample(UpdateBugFile, "flatpak-two-versions-one-check")
    assert message.version == "1.15.10"  # the newest known version, as the-new-hotness takes it
    assert message.upstream_versions == ["1.14.10", "1.15.10"]


def test_fedmsg_era_bug_file():
    message = UpdateBugFile(body=copy.deepcopy(FEDMSG_ERA_BUG_FILE))
    message.validate()
    assert message.packages == ["perl-Makefile-DOM"]  # from the trigger's Fedora mapping
    assert message.summary == "the-new-hotness reported perl-Makefile-DOM 0.007 in bug 1143475"


def test_bug_id_as_a_float():
    body = copy.deepcopy(FEDMSG_ERA_BUG_FILE)
    body["bug"] = {"bug_id": 1143475.0}
    assert UpdateBugFile(body=body).url == "https://bugzilla.redhat.com/show_bug.cgi?id=1143475"


@pytest.mark.parametrize("project_id", ["3052/../x", True, -1, 3.5, None])
def test_only_a_whole_number_id_names_a_project_page(project_id):
    """The project page is Anitya's (the core builds it for both packages); an id that is no
    whole number gives no page rather than a wrong one."""
    body = copy.deepcopy(FEDMSG_ERA_BUG_FILE)
    body["bug"] = {"bug_id": -1}
    assert UpdateBugFile(body=body).url == "https://release-monitoring.org/project/3052/"
    body["trigger"]["msg"]["project"]["id"] = project_id
    assert UpdateBugFile(body=body).url is None


@pytest.mark.parametrize(
    ("label", "summary"),
    [
        (
            "no-fedora-mapping",
            "the-new-hotness dropped sqlfluff-templater-dbt 3.2.5: "
            "the project has no Fedora mapping in Anitya",
        ),
        (
            "python-certifi-not-newer",
            "the-new-hotness dropped python-certifi 2024.8.30: "
            "Fedora already has this version or a newer one",
        ),
        (
            "llvm-release-candidate-stable-only",
            "the-new-hotness dropped llvm 20.1.0-rc1 (Fedora packages llvm and llvm20): "
            "the package's monitoring settings exclude this version",
        ),
        ("retired-package", "the-new-hotness dropped python-toml 0.10.2: the package is retired"),
    ],
)
def test_drops(label, summary):
    assert sample(UpdateDrop, label).summary == summary


def test_drop_for_want_of_a_fedora_mapping_names_no_package():
    message = sample(UpdateDrop, "no-fedora-mapping")
    assert message.packages == []
    assert message.url == "https://release-monitoring.org/project/371264/"
    assert "Reason:           anitya" in str(message)


@pytest.mark.parametrize(
    ("reason", "explanation"),
    [
        ("dist-git", "the package's monitoring settings could not be read from dist-git"),
        ("mdapi", "mdapi could not say which version Fedora has"),
        ("bugzilla", "the Bugzilla bug could not be filed or updated"),
        ("rawhide", "no Rawhide build of the package was found yet"),
        ("pkgdb", "pkgdb said the maintainers want no bugs filed"),
        ("something new", "reason: something new"),
        ("", "no reason given"),
    ],
)
def test_every_drop_reason_reads_well(reason, explanation):
    body = samples.get(UpdateDrop, "python-certifi-not-newer").body
    body["reason"] = reason
    assert UpdateDrop(body=body).summary == f"the-new-hotness dropped python-certifi 2024.8.30: {explanation}"


def test_topics_are_bare_and_prefixed_topics_find_the_classes():
    assert UpdateDrop.topic == "hotness.update.drop"
    assert class_for_topic("org.fedoraproject.prod.hotness.update.drop") is UpdateDrop  # upstream's topic
    assert class_for_topic("hotness.update.bug.file") is UpdateBugFile
    assert get_class("hotness.update.bug.file") is UpdateBugFile
    typed = as_typed(received(UpdateDrop, samples.get(UpdateDrop, "retired-package").body))
    assert isinstance(typed, UpdateDrop)


def test_empty_trigger():
    message = UpdateDrop(body={"reason": "retired", "trigger": {}})
    assert message.summary == "the-new-hotness dropped a new version of a project: the package is retired"
    assert message.url is None and message.packages == [] and message.project_name == ""
