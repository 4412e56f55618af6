"""Buildroot overrides, the composer's messages, and fedmsg-era Bodhi bodies."""

from __future__ import annotations

import json
from pathlib import Path

from fedora_bus_schemas_bodhi import (
    BuildrootOverrideTagV1,
    BuildrootOverrideUntagV1,
    ComposeCompleteV1,
    ComposeComposingV1,
    ComposeStartV1,
    ComposeSyncDoneV1,
    ComposeSyncWaitV1,
    RepoDoneV1,
    UpdateCommentV1,
    UpdateCompleteTestingV1,
    UpdateEjectV1,
    UpdateRequestTestingV1,
)
from tests.support import sample

CORPUS = Path(__file__).resolve().parents[2] / "tests" / "data" / "historical" / "bodhi.jsonl"


def test_new_override_published_before_the_database_filled_it():
    message = sample(BuildrootOverrideTagV1, "f41-new-override-before-flush")
    assert message.body["override"]["submission_date"] is None
    assert message.summary == (
        "tkowalski submitted a buildroot override for golang-github-spf13-cobra-1.8.1-1.fc41, until "
        "2024-11-14"
    )
    assert message.url == "https://bodhi.fedoraproject.org/overrides/golang-github-spf13-cobra-1.8.1-1.fc41"
    assert message.packages == ["golang-github-spf13-cobra"]
    assert message.agent_name == "tkowalski" and message.usernames == ["tkowalski"]


def test_expired_override():
    message = sample(BuildrootOverrideUntagV1, "epel9-superseded-by-newer-build")
    assert message.summary == (
        "The buildroot override for python-requests-2.32.3-1.el9, submitted by mgarcia, expired"
    )
    assert "\nExpired:   2024-11-08 09:00:12\n" in str(message)
    flatpak = sample(BuildrootOverrideUntagV1, "flatpak-runtime-expired-by-submitter")
    assert flatpak.packages == [] and flatpak.flatpaks == ["flatpak-runtime"]


def test_compose_messages():
    assert sample(ComposeStartV1, "push-by-releng-member").summary == (
        "The Bodhi composer started a push requested by rnovak"
    )
    composing = sample(ComposeComposingV1, "f41-testing-rpm")
    assert composing.summary == "Bodhi started composing the f41-updates-testing repository with 3 updates"
    assert "python-requests-2.32.3-1.fc41" in str(composing)
    assert (
        sample(ComposeCompleteV1, "epel9-stable-failed").summary
        == "Bodhi failed to compose the epel9 repository"
    )
    assert sample(ComposeCompleteV1, "f41-testing-success").summary == (
        "Bodhi finished composing the f41-updates-testing repository"
    )
    assert sample(ComposeSyncWaitV1, "f41-stable").summary == (
        "Bodhi is waiting for the f41-updates repository to reach the master mirror"
    )
    assert sample(ComposeSyncDoneV1, "f41-stable").summary == (
        "The f41-updates repository reached the master mirror"
    )
    done = sample(RepoDoneV1, "f41-testing")
    assert done.summary == "The f41-updates-testing repository is composed and ready to be signed"
    assert done.url == "https://bodhi.fedoraproject.org/composes/"
    assert done.usernames == ["bodhi"] and done.packages == []


def corpus(line: int) -> dict:
    return json.loads(CORPUS.read_text(encoding="utf-8").splitlines()[line - 1])["body"]


def test_2012_comment_without_update():
    message = UpdateCommentV1(body=corpus(28))
    assert message.summary == (
        "ralph commented on update fedmsg-1.0-1 (karma -1): "
        "Can you believe how much testing we're doing? /cc @codeblock."
    )
    assert message.usernames == ["codeblock", "ralph"]
    assert message.packages == ["fedmsg"]
    assert message.url is None


def test_2014_comment_names_the_submitter():
    message = UpdateCommentV1(body=corpus(49))
    assert (
        message.summary
        == "hreindl commented on jstanek's update sqlite-3.8.6-2.fc20 (karma +1): works for me"
    )
    assert message.usernames == ["hreindl", "jstanek"]


def test_2012_multi_package_request_uses_the_title():
    message = UpdateRequestTestingV1(body=corpus(2))
    assert message.summary == (
        "lmacken submitted hadess's update gnome-settings-daemon-3.6.1-1.fc18 and "
        "control-center-3.6.1-1.fc18 "
        "to testing"
    )
    assert message.packages == ["control-center", "gnome-settings-daemon"]


def test_2019_push_and_old_eject():
    pushed = UpdateCompleteTestingV1(body=corpus(5))
    assert pushed.summary == (
        "kkeithle's update FEDORA-2019-02cd019281 (nfs-ganesha-2.7.4-1.fc29) was pushed to the "
        "Fedora 29 testing "
        "repository"
    )
    assert pushed.url == "https://bodhi.fedoraproject.org/updates/FEDORA-2019-02cd019281"
    ejected = UpdateEjectV1(body=corpus(3))
    assert ejected.summary == (
        "ralph's update fedmsg-0.2.7-2.el6 was ejected from the test_repo compose: some reason"
    )


def test_2015_override_with_string_build_and_submitter():
    message = BuildrootOverrideTagV1(body=corpus(31))
    assert message.summary == "lmacken submitted a buildroot override for fedmsg-1.0-1"
    assert message.packages == ["fedmsg"]


def test_upstream_accessors_port():
    override = sample(BuildrootOverrideTagV1, "epel9-extended-existing-override")
    assert override.build.nvr == "python-requests-2.32.3-1.el9"
    assert override.build.package == "python-requests"
    assert override.submitter.name == "mgarcia"
    complete = sample(ComposeCompleteV1, "epel9-stable-failed")
    assert complete.repo == "epel9" and complete.success is False and complete.ctype == "rpm"
    assert ComposeStartV1(body={}).repo == "" and ComposeStartV1(body={}).success is None
