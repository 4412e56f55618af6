"""What Anitya's project, flag and mapping messages say about themselves."""

from __future__ import annotations

from fedora_bus_schemas_anitya import (
    AnityaMessage,
    ProjectCreated,
    ProjectDeleted,
    ProjectEdited,
    ProjectFlag,
    ProjectFlagSet,
    ProjectMapCreated,
    ProjectMapDeleted,
    ProjectMapEdited,
    ProjectMessage,
)
from tests.support import sample


def test_project_added_through_the_web_interface():
    message = sample(ProjectCreated, "pypi-project-web-interface")
    assert message.summary == "jsmith added the project niquests to release-monitoring.org"
    assert message.usernames == ["jsmith"]
    assert message.url == "https://release-monitoring.org/project/371904/"
    assert message.project_version is None and message.project_versions == []
    assert isinstance(message, ProjectMessage) and isinstance(message, AnityaMessage)


def test_api_v2_agents_are_email_addresses():
    message = sample(ProjectCreated, "github-project-api-v2-token")
    assert message.agent_name == "ahughes@redhat.com"
    assert message.usernames == [], "an e-mail address is not a Fedora account name"
    assert message.agent_avatar.startswith("https://seccdn.libravatar.org/avatar/")
    fedora = sample(ProjectEdited, "backend-switch-prefix-cleared-api-v2")
    assert fedora.agent_name == "rpatel" and fedora.usernames == ["rpatel"]


def test_edited_settings_are_named():
    message = sample(ProjectEdited, "homepage-and-version-url")
    assert message.summary == "ekovacs changed the homepage and version URL of flatpak"
    assert message.fields == ["homepage", "version_url"]
    assert "Changed homepage:    http://flatpak.org/ → https://flatpak.org/" in str(message)
    several = sample(ProjectEdited, "backend-switch-prefix-cleared-api-v2")
    assert several.summary == (
        "rpatel changed the backend, version URL, version prefix, regex and releases-only setting of libvirt"
    )
    assert "Changed version prefix:        v → (empty)" in str(several)


def test_archiving_and_renaming():
    assert sample(ProjectEdited, "archived-by-admin").summary == "mlopez archived the project gnucash"
    assert sample(ProjectEdited, "renamed").summary == "jsmith renamed the project TypeScript to typescript"
    body = {
        "project": {"name": "gnucash"},
        "message": {
            "agent": "mlopez",
            "fields": ["archived"],
            "changes": {"archived": {"old": True, "new": False}},
        },
    }
    assert ProjectEdited(body=body).summary == "mlopez unarchived the project gnucash"


def test_project_deleted_by_anitya_itself():
    message = sample(ProjectDeleted, "deleted-by-anitya-after-failed-checks")
    assert message.summary == (
        "Anitya deleted the project vimb from release-monitoring.org after its version checks kept failing"
    )
    assert message.usernames == []


def test_flag_with_its_reason_and_fedora_package():
    message = sample(ProjectFlag, "duplicate-with-mappings")
    assert message.summary.startswith("tkowalski flagged the project zellij-cli: Duplicate of ")
    assert message.packages == ["zellij"]
    assert message.reason in str(message)
    assert message.flag_url == "https://release-monitoring.org/flags"
    assert sample(ProjectFlag, "no-mappings").packages == []


def test_flag_closed_and_reopened():
    closed = sample(ProjectFlagSet, "closed")
    assert closed.summary == "mlopez closed project flag 2187"
    assert closed.flag == 2187 and closed.state == "closed"
    assert closed.url == "https://release-monitoring.org/flags"
    assert sample(ProjectFlagSet, "reopened").summary == "rpatel reopened project flag 2179"
    odd = ProjectFlagSet(body={"message": {"agent": "rpatel", "flag": 3, "state": "triaged"}})
    assert odd.summary == "rpatel set project flag 3 to triaged"
    assert not isinstance(closed, ProjectMessage), "as upstream: the message names no project"


def test_new_mapping_to_fedora_gives_the_package():
    message = sample(ProjectMapCreated, "fedora-python-package")
    assert message.summary == "jsmith mapped niquests to the Fedora package python-niquests"
    assert message.packages == ["python-niquests"]
    assert message.distro == "Fedora" and message.package_name == "python-niquests"
    assert message.distro_url == "https://release-monitoring.org/distro/Fedora/"
    debian = sample(ProjectMapCreated, "debian-mapping-api-v2-token")
    assert debian.summary == "ahughes@redhat.com mapped zellij to the Debian package zellij"
    assert debian.packages == [], "only Fedora mappings are Fedora packages"
    assert debian.mappings == [{"distro": "Debian", "package_name": "zellij"}]


def test_renamed_fedora_mapping_gives_both_names():
    message = sample(ProjectMapEdited, "fedora-package-renamed")
    assert (
        message.summary
        == "jsmith renamed the Fedora package of typescript from nodejs-typescript to typescript"
    )
    assert message.packages == ["nodejs-typescript", "typescript"]
    assert message.mappings == [{"distro": "Fedora", "package_name": "typescript"}]


def test_mapping_moved_or_saved_unchanged():
    moved = sample(ProjectMapEdited, "moved-to-another-distribution")
    assert moved.summary == "rpatel moved the mapping of libvirt to the CentOS Stream package libvirt"
    assert moved.edited == ["distribution"]
    unchanged = sample(ProjectMapEdited, "saved-without-change")
    unchanged.validate()  # Anitya leaves 'prev' and 'edited' out when nothing changed
    assert unchanged.summary == "ekovacs updated the Fedora mapping of serde to the package rust-serde"


def test_deleted_mapping_names_only_the_distribution():
    message = sample(ProjectMapDeleted, "fedora-mapping-of-retired-package")
    assert message.summary == "mlopez deleted the Fedora mapping of gnucash"
    assert message.packages == [], "the message does not name the package"
    assert message.url == "https://release-monitoring.org/project/1148/"


def test_empty_bodies():
    assert ProjectCreated(body={}).summary == "Someone added a project to release-monitoring.org"
    assert ProjectEdited(body={}).summary == "Someone edited a project"
    assert ProjectFlagSet(body={}).summary == "Someone changed the state of a project flag"
    assert ProjectMapCreated(body={}).summary == "Someone mapped a project to a distribution"
    assert ProjectMapEdited(body={}).summary == "Someone updated a mapping of a project"
    assert ProjectMapDeleted(body={}).summary == "Someone deleted a mapping of a project"
    assert ProjectCreated(body={}).url is None and ProjectCreated(body={}).agent_avatar is None
