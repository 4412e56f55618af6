"""What Pagure's pull-request messages say about themselves."""

from __future__ import annotations

from fedora_bus_schemas_core import samples
from fedora_bus_schemas_pagure import (
    PullRequestClosedV1,
    PullRequestCommentAddedV1,
    PullRequestCommentEditedV1,
    PullRequestFlagAddedV1,
    PullRequestFlagUpdatedV1,
    PullRequestMessage,
    PullRequestNewV1,
    PullRequestRebasedV1,
    PullRequestTagAddedV1,
    PullRequestUpdatedV1,
    RequestAssignedAddedV1,
    RequestAssignedResetV1,
)
from tests.support import fact, sample


def test_pull_request_from_a_dist_git_fork():
    message = sample(PullRequestNewV1, "dist-git-packit-update")
    assert (
        message.summary
        == "packit opened pull-request #12 on rpms/rust-serde_json: Update to 1.0.128 upstream release"
    )
    assert message.packages == ["rust-serde_json"]
    assert message.url == "https://src.fedoraproject.org/rpms/rust-serde_json/pull-request/12"
    assert fact(message, "Branches") == "packit:rawhide-update-1.0.128 → rawhide"


def test_pull_request_on_a_container_repository():
    message = sample(PullRequestNewV1, "dist-git-container-no-description")
    assert message.containers == ["fedora-toolbox"]
    assert message.packages == []


def test_remote_pull_request():
    message = sample(PullRequestNewV1, "pagure-io-remote-git")
    assert message.packages == []
    assert (
        fact(message, "Branches")
        == "https://github.com/ekovacs/os-autoinst-distri-fedora.git plasma-mobile → main"
    )


def test_merged_and_closed():
    assert sample(PullRequestClosedV1, "pagure-io-merged").summary == (
        "jsmith merged pull-request #2291 on fedora-infra/ansible: "
        "proxies: raise haproxy maxconn for the mirrormanager backend"
    )
    closed = sample(PullRequestClosedV1, "dist-git-closed-without-merging")
    assert closed.summary == (
        "tkowalski closed pull-request #41 on rpms/python-requests without merging it: "
        "Update to 2.32.3 for epel9"
    )
    assert closed.usernames == ["mlopez", "tkowalski"]


def test_refreshes_are_done_by_pagure_itself():
    updated = sample(PullRequestUpdatedV1, "dist-git-rpms")
    assert (
        updated.summary
        == "Pull-request #41 on rpms/python-requests received new commits: Update to 2.32.3 for epel9"
    )
    assert updated.agent_name is None and updated.agent_avatar is None
    assert "pagure" not in updated.usernames
    rebased = sample(PullRequestRebasedV1, "pagure-io-fork")
    assert rebased.summary.startswith("Pull-request #2291 on fedora-infra/ansible was rebased: ")


def test_inline_comment_says_where_and_links_to_it():
    message = sample(PullRequestCommentAddedV1, "pagure-io-inline-comment")
    assert message.summary.startswith(
        "dnovak commented on pull-request #2291 on fedora-infra/ansible "
        "(on roles/haproxy/templates/haproxy.cfg, line 212): "
    )
    assert message.url == "https://pagure.io/fedora-infra/ansible/pull-request/2291#comment-208822"


def test_edited_comment_on_a_bot_comment():
    message = sample(PullRequestCommentEditedV1, "dist-git-admin-edits-bot-comment")
    assert message.summary.startswith(
        "jsmith edited zuul's comment on pull-request #41 on rpms/python-requests"
    )
    assert message.url == "https://src.fedoraproject.org/rpms/python-requests/pull-request/41#comment-149002"


def test_flags_are_named_after_the_service():
    added = sample(PullRequestFlagAddedV1, "dist-git-zuul-pending")
    assert added.summary == "Zuul flagged pull-request #41 on rpms/python-requests as pending: Build started."
    updated = sample(PullRequestFlagUpdatedV1, "dist-git-zuul-succeeded")
    assert updated.summary == (
        "Zuul updated its flag on pull-request #41 on rpms/python-requests to success: "
        "Build succeeded (check pipeline)."
    )
    assert fact(updated, "Flag status") == "success (100%)"


def test_tag_events_read_the_duplicate_key_of_old_bodies():
    body = samples.bodies(PullRequestTagAddedV1)[0]
    body.pop("pullrequest")
    message = PullRequestTagAddedV1(body=body)
    assert message.summary.startswith(
        "rpatel tagged pull-request #88 on container/fedora-toolbox with enhancement"
    )
    assert message.containers == ["fedora-toolbox"]


def test_legacy_request_topics():
    added = sample(RequestAssignedAddedV1, "pagure-io-reviewer")
    assert added.topic == "pagure.request.assigned.added"
    assert added.summary.startswith("jsmith assigned pull-request #2291 on fedora-infra/ansible to dnovak")
    reset = sample(RequestAssignedResetV1, "dist-git-rpms")
    assert (
        reset.summary
        == "mlopez unassigned pull-request #41 on rpms/python-requests: Update to 2.32.3 for epel9"
    )
    assert isinstance(reset, PullRequestMessage)
    # Without 'pullrequest' (before Pagure 5.12) the legacy 'request' key is read.
    body = samples.bodies(RequestAssignedResetV1)[0]
    body.pop("pullrequest")
    assert RequestAssignedResetV1(body=body).summary == reset.summary
