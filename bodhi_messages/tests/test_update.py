"""What Bodhi's update messages say about themselves."""

from __future__ import annotations

import pytest
from fedora_messaging.message import DEBUG, INFO

from fedora_bus_schemas_bodhi import (
    ErrataPublishV1,
    UpdateCommentV1,
    UpdateCompleteStableV1,
    UpdateCompleteTestingV1,
    UpdateEditV1,
    UpdateEditV2,
    UpdateEjectV1,
    UpdateKarmaThresholdV1,
    UpdateReadyForTestingV1,
    UpdateReadyForTestingV2,
    UpdateReadyForTestingV3,
    UpdateRequestObsoleteV1,
    UpdateRequestRevokeV1,
    UpdateRequestStableV1,
    UpdateRequestTestingV1,
    UpdateRequestUnpushV1,
    UpdateRequirementsMetStableV1,
)
from fedora_bus_schemas_bodhi.base import mentions
from fedora_bus_schemas_core import as_typed, class_for_topic, samples
from tests.support import received, sample


def test_comment_with_karma_feedback_and_mentions():
    message = sample(UpdateCommentV1, "positive-karma-bug-and-testcase-feedback-mentions")
    assert message.summary.startswith(
        "rnovak commented on mgarcia's update FEDORA-2024-3f8a1c2d9e (python-requests-2.32.3-1.fc41) "
        "(karma +1): Works for me, pip and dnf download both fine"
    )
    assert message.agent_name == "rnovak"
    assert message.usernames == ["ajohnson", "mgarcia", "rnovak"]  # author, submitter, @mentions
    assert message.packages == ["python-requests"]
    assert message.url == "https://bodhi.fedoraproject.org/updates/FEDORA-2024-3f8a1c2d9e"
    assert message.agent_avatar.startswith("https://seccdn.libravatar.org/avatar/")
    text = str(message)
    assert "Bug feedback:       #2321456 works" in text
    assert "Test case feedback: QA:Testcase_python_requests_https works" in text
    assert "cc @ajohnson, this should fix the issue you saw with copr-cli." in text


def test_own_comment_says_their():
    message = sample(UpdateCommentV1, "submitter-own-comment-epel9-golang")
    assert message.summary.startswith(
        "tkowalski commented on their update FEDORA-EPEL-2024-0c6e2b9f41 "
        "(golang-github-spf13-cobra-1.8.1-1.el9): "
    )
    assert message.usernames == ["tkowalski"]
    assert message.packages == ["golang-github-spf13-cobra"]


def test_mentions_follow_bodhi_markdown():
    text = "Thanks @adamw. @j-doe- please check; mail me at someone@example.org, not @@ or (@paren)"
    assert mentions(text) == ["adamw", "j-doe"]
    assert mentions(None) == []


def test_packages_with_dashes_and_several_builds():
    message = sample(UpdateCompleteStableV1, "f41-security-kernel-critpath")
    assert message.packages == ["kernel", "kernel-headers", "kernel-tools"]
    assert message.summary == (
        "esanchez's update FEDORA-2024-b71e04c5a2 (kernel-6.11.7-300.fc41 and 2 other builds) "
        "was pushed to the Fedora 41 stable repository"
    )
    assert message.usernames == ["composer", "esanchez"]
    assert "Critical path: yes (critical-path-apps" in str(message)


def test_flatpak_and_container_builds_are_not_packages():
    flatpak = sample(UpdateCompleteStableV1, "f41-flatpak")
    assert flatpak.packages == [] and flatpak.flatpaks == ["gnome-calculator"]
    container = sample(UpdateCompleteTestingV1, "f41-container")
    assert container.packages == [] and container.containers == ["fedora-toolbox"]
    assert container.summary.endswith("was pushed to the Fedora 41 Containers testing repository")


def test_edit_names_the_changes():
    message = sample(UpdateEditV2, "f41-build-replaced-bug-added")
    assert message.summary == (
        "mgarcia edited their update FEDORA-2024-3f8a1c2d9e: added python-requests-2.32.3-2.fc41, "
        "removed python-requests-2.32.3-1.fc41 and linked bug #2322010"
    )
    assert "Builds removed: python-requests-2.32.3-1.fc41" in str(message)
    assert sample(UpdateEditV2, "epel9-notes-and-karma-settings-only").summary == (
        "tkowalski edited their update FEDORA-EPEL-2024-0c6e2b9f41 (golang-github-spf13-cobra-1.8.1-1.el9)"
    )
    assert sample(UpdateEditV1, "epel8-two-bugs").summary == (
        "kpetrova edited their update FEDORA-EPEL-2020-3a9c77e12f (htop-3.0.4-1.el8): "
        "linked bugs #1899012 and #1899340"
    )


def test_requests():
    assert sample(UpdateRequestTestingV1, "f41-new-update").summary == (
        "mgarcia submitted their update FEDORA-2024-3f8a1c2d9e (python-requests-2.32.3-1.fc41) to testing"
    )
    stable = sample(UpdateRequestStableV1, "f41-autokarma-by-bodhi")
    assert stable.summary.startswith("bodhi submitted esanchez's update FEDORA-2024-b71e04c5a2 ")
    assert stable.summary.endswith(" to stable")
    assert stable.usernames == ["bodhi", "esanchez"]
    assert sample(UpdateRequestRevokeV1, "epel9-stable-request-revoked").summary.startswith(
        "tkowalski revoked the pending push of their update FEDORA-EPEL-2024-0c6e2b9f41"
    )
    assert sample(UpdateRequestUnpushV1, "flatpak-unpushed-by-other").summary.startswith(
        "ajohnson unpushed dbelov's update FEDORA-FLATPAK-2024-4e7d0a1b63"
    )
    assert sample(UpdateRequestObsoleteV1, "f41-obsoleted-by-newer-update").summary.startswith(
        "bodhi obsoleted mgarcia's update"
    )


def test_eject_gives_reason_and_compose_page():
    message = sample(UpdateEjectV1, "f41-stable-gating-failed")
    assert message.summary == (
        "mgarcia's update FEDORA-2024-3f8a1c2d9e (python-requests-2.32.3-1.fc41) was ejected from the "
        "f41-updates compose: Required tests did not pass on this update."
    )
    assert "Compose:         https://bodhi.fedoraproject.org/composes/F41/stable" in str(message)


def test_karma_thresholds():
    assert sample(UpdateKarmaThresholdV1, "f41-unstable-threshold-obsoleted").summary.endswith(
        "reached its unstable karma threshold of -3 and was obsoleted"
    )
    stable = sample(UpdateKarmaThresholdV1, "flatpak-stable-threshold-low-karma")
    assert stable.summary.endswith("reached its stable karma threshold of +2 and was submitted to stable")
    assert stable.agent_name is None and stable.usernames == ["dbelov"]


def test_requirements_met():
    message = sample(UpdateRequirementsMetStableV1, "rawhide-gating-passed")
    assert message.summary == (
        "hkumar's update FEDORA-2024-9d27c3e8f0 (python-urllib3-2.2.3-4.fc42) meets the requirements "
        "to be pushed to stable"
    )


def test_ready_for_testing_is_debug_and_says_who_retriggered():
    for cls in (UpdateReadyForTestingV1, UpdateReadyForTestingV2, UpdateReadyForTestingV3):
        assert cls.severity == DEBUG
    assert UpdateCommentV1.severity == INFO
    created = sample(UpdateReadyForTestingV3, "rawhide-automatic-update-being-created")
    assert (
        created.summary
        == "hkumar's update FEDORA-2024-9d27c3e8f0 (python-urllib3-2.2.3-4.fc42) is ready for testing"
    )
    assert created.body["update"]["date_submitted"] is None  # published before the database filled it
    retrigger = sample(UpdateReadyForTestingV3, "f41-kernel-retrigger-imported-build")
    assert retrigger.summary.startswith(
        "ajohnson re-triggered the tests of esanchez's update FEDORA-2024-b71e04c5a2"
    )
    assert "kernel-headers-6.11.7-300.fc41 (build 2578155)" in str(retrigger)


def test_first_ready_for_testing_version_reads_the_artifact():
    message = sample(UpdateReadyForTestingV1, "f34-retrigger-two-golang-builds")
    assert message.url == "https://bodhi.fedoraproject.org/updates/FEDORA-2021-2b8e77c1d0"  # hash stripped
    assert message.packages == ["golang-github-spf13-cobra", "golang-github-spf13-pflag"]
    assert message.usernames == ["ajohnson", "rnovak"]  # agent and build issuer


def test_errata():
    message = sample(ErrataPublishV1, "f41-security-kernel-stable")
    assert message.summary == (
        "Update notice for FEDORA-2024-b71e04c5a2 published: [SECURITY] Fedora 41 Update: "
        "kernel-6.11.7-300.fc41"
    )
    assert message.agent_name == "esanchez"
    assert "Fedora Update Notification" in str(message)


def test_deprecated_versions_name_their_successor():
    assert UpdateEditV1.deprecated and UpdateEditV1.replaced_by == "bodhi.update.edit.v2"
    assert not UpdateEditV2.deprecated and UpdateEditV2.replaced_by is None
    for cls in (UpdateReadyForTestingV1, UpdateReadyForTestingV2):
        assert cls.deprecated and cls.replaced_by == "bodhi.update.status.testing.v3"
    assert not UpdateReadyForTestingV3.deprecated
    # Same inheritance as upstream's classes, so isinstance checks port.
    assert issubclass(UpdateEditV2, UpdateEditV1)
    assert issubclass(UpdateReadyForTestingV2, UpdateReadyForTestingV1)


@pytest.mark.parametrize(
    "cls",
    [UpdateEditV1, UpdateEditV2, UpdateReadyForTestingV1, UpdateReadyForTestingV2, UpdateReadyForTestingV3],
)
def test_each_body_version_gets_its_class(cls):
    for body in samples.bodies(cls):
        assert class_for_topic(cls.topic, body) is cls
        assert type(as_typed(received(cls, body))) is cls


def test_a_version_two_body_is_not_a_version_three_body():
    body = samples.bodies(UpdateReadyForTestingV2)[0]
    assert UpdateReadyForTestingV2.accepts(body)
    assert not UpdateReadyForTestingV3.accepts(body)
    trimmed = {key: value for key, value in body.items() if key not in ("contact", "generated_at", "version")}
    assert UpdateReadyForTestingV3.accepts(trimmed)


def test_empty_bodies_still_read_well():
    assert UpdateCommentV1(body={}).summary == "New comment on an update"
    assert UpdateRequestTestingV1(body={}).summary == "An update was submitted to testing"
    assert UpdateReadyForTestingV3(body={}).summary == "An update is ready for testing"
    assert (
        UpdateRequestRevokeV1(body={"agent": "mgarcia"}).summary
        == "mgarcia revoked the pending push of an update"
    )
    assert UpdateCompleteStableV1(body={}).url is None


def test_upstream_accessors_port():
    comment = sample(UpdateCommentV1, "positive-karma-bug-and-testcase-feedback-mentions")
    assert comment.karma == 1 and comment.user.name == "rnovak"
    update = comment.update
    assert update.alias == "FEDORA-2024-3f8a1c2d9e" and update.user.name == "mgarcia"
    assert update.release.name == "F41" and update.status == "testing" and update.request is None
    assert [build.nvr for build in update.builds] == ["python-requests-2.32.3-1.fc41"]
    assert update.packages == ["python-requests"]
    edit = sample(UpdateEditV2, "f41-build-replaced-bug-added")
    assert edit.new_bugs == [2322010] and edit.new_builds == ["python-requests-2.32.3-2.fc41"]
    assert edit.removed_builds == ["python-requests-2.32.3-1.fc41"]
    eject = sample(UpdateEjectV1, "f41-stable-gating-failed")
    assert eject.repo == "f41-updates" and eject.reason.startswith("Required tests")
    assert sample(UpdateKarmaThresholdV1, "f41-unstable-threshold-obsoleted").status == "unstable"
    empty = UpdateCommentV1(body={"comment": "not an object"})
    assert empty.update.alias == "" and empty.update.builds == [] and empty.karma == 0


def test_lone_surrogates_do_not_break_urls_or_avatars():
    body = {"agent": "m\ud800", "update": {"alias": "FEDORA-2024-\udfff", "builds": [{"nvr": "a-1-1\ud800"}]}}
    message = UpdateRequestTestingV1(body=body)
    assert message.url == "https://bodhi.fedoraproject.org/updates/FEDORA-2024-%3F"
    assert message.agent_avatar.startswith("https://seccdn.libravatar.org/avatar/")
    assert message.summary.startswith("m\ud800 submitted")
