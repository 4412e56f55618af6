"""Commit flags, groups, the test notification, and what every Pagure class shares."""

from __future__ import annotations

import json

import pytest

import fedora_bus_schemas_pagure
from fedora_bus_schemas_core import registry, samples
from fedora_bus_schemas_pagure import (
    CommitFlagAddedV1,
    CommitFlagUpdatedV1,
    GroupEditV1,
    PagureMessage,
    TestNotificationV1,
)
from tests.support import sample

PAGURE = {
    name: entry
    for name, entry in registry.registered().items()
    if entry.cls.__module__.startswith("fedora_bus_schemas_pagure")
}
NEW_NAMES = {
    "pagure.issue.comment.edited.v1",
    "pagure.request.assigned.added.v1",
    "pagure.request.assigned.reset.v1",
}

#: Top-level keys pagure-messages 1.3.3 requires, by schema name: ours may require no more.
UPSTREAM_REQUIRED = {
    "pagure.Test.notification": ["content"],
    "pagure.commit.flag.added": ["agent", "flag", "repo"],
    "pagure.commit.flag.updated": ["agent", "flag", "repo"],
    "pagure.git.branch.creation": ["agent", "authors", "branch", "repo", "rev"],
    "pagure.git.branch.deletion": ["agent", "authors", "branch", "repo", "rev"],
    "pagure.git.receive": [
        "agent",
        "authors",
        "branch",
        "end_commit",
        "forced",
        "old_commit",
        "repo",
        "start_commit",
        "total_commits",
    ],
    "pagure.git.tag.creation": ["agent", "authors", "repo", "rev", "tag"],
    "pagure.git.tag.deletion": ["agent", "authors", "repo", "rev", "tag"],
    "pagure.group.edit": ["agent", "fields", "group"],
    "pagure.issue.assigned.added": ["agent", "issue", "project"],
    "pagure.issue.assigned.reset": ["agent", "issue", "project"],
    "pagure.issue.comment.added": ["agent", "project"],
    "pagure.issue.dependency.added": ["added_dependency", "agent", "project"],
    "pagure.issue.dependency.removed": ["agent", "project", "removed_dependency"],
    "pagure.issue.drop": ["agent", "issue", "project"],
    "pagure.issue.edit": ["agent", "fields", "issue", "project"],
    "pagure.issue.new": ["agent", "issue", "project"],
    "pagure.issue.tag.added": ["agent", "project"],
    "pagure.issue.tag.removed": ["agent", "project"],
    "pagure.project.deleted": ["agent", "project"],
    "pagure.project.edit": ["agent", "fields", "project"],
    "pagure.project.forked": ["agent", "project"],
    "pagure.project.group.access.updated": ["agent", "new_access", "new_group", "project"],
    "pagure.project.group.added": ["access", "agent", "branches", "new_group", "project"],
    "pagure.project.group.removed": ["agent", "project", "removed_groups"],
    "pagure.project.new": ["agent", "project"],
    "pagure.project.tag.edited": [
        "agent",
        "new_tag",
        "new_tag_color",
        "new_tag_description",
        "old_tag",
        "old_tag_color",
        "old_tag_description",
        "project",
    ],
    "pagure.project.tag.removed": ["agent", "project", "tags"],
    "pagure.project.user.access.updated": ["agent", "new_access", "new_branches", "new_user", "project"],
    "pagure.project.user.added": ["access", "agent", "branches", "new_user", "project"],
    "pagure.project.user.removed": ["agent", "project", "removed_user"],
    "pagure.pull-request.assigned.added": ["agent", "project", "pullrequest"],
    "pagure.pull-request.assigned.reset": ["agent", "project", "pullrequest"],
    "pagure.pull-request.closed": ["agent", "merged", "pullrequest"],
    "pagure.pull-request.comment.added": ["agent", "pullrequest"],
    "pagure.pull-request.comment.edited": ["agent", "pullrequest"],
    "pagure.pull-request.flag.added": ["agent", "flag", "pullrequest"],
    "pagure.pull-request.flag.updated": ["agent", "flag", "pullrequest"],
    "pagure.pull-request.initial_comment.edited": ["agent", "project", "pullrequest"],
    "pagure.pull-request.new": ["agent", "pullrequest"],
    "pagure.pull-request.rebased": ["agent", "pullrequest"],
    "pagure.pull-request.reopened": ["agent", "pullrequest"],
    "pagure.pull-request.tag.added": ["agent", "project", "pullrequest", "tags"],
    "pagure.pull-request.tag.removed": ["agent", "project", "pullrequest", "tags"],
    "pagure.pull-request.updated": ["agent", "pullrequest"],
}


def test_48_names_upstream_ones_are_their_topics():
    assert len(PAGURE) == 48
    for name, entry in PAGURE.items():
        if name in NEW_NAMES:
            assert name == entry.cls.topic + ".v1"
        else:
            assert name == entry.cls.topic
        assert issubclass(entry.cls, PagureMessage)
        assert entry.cls.topic_prefix == "io.pagure.prod."
        assert entry.cls.__name__ in fedora_bus_schemas_pagure.__all__


def test_epoch_timestamps_are_strings():
    for entry in PAGURE.values():
        text = json.dumps(entry.cls.body_schema)
        if '"date_created"' in text:
            assert "seconds since the epoch (UTC) as a string" in text


def test_commit_flag():
    message = sample(CommitFlagAddedV1, "dist-git-koji-scratch-build")
    assert (
        message.summary
        == "simple-koji-ci flagged commit e2b5d8a of rpms/rust-serde_json as success: Build succeeded"
    )
    assert (
        message.url
        == "https://src.fedoraproject.org/rpms/rust-serde_json/c/e2b5d8a1c4f7e0b3d6a9c2f5e8b1d4a7c0f3e6b9"
    )
    assert message.packages == ["rust-serde_json"]
    staging = sample(CommitFlagUpdatedV1, "staging-dist-git")
    assert staging.url.startswith("https://src.stg.fedoraproject.org/rpms/python-requests/c/")


def test_group_edit():
    message = sample(GroupEditV1, "pagure-io-both-fields")
    assert message.summary == "ahughes edited the display name and description of the group fedora-qa"
    assert message.groups == ["fedora-qa"]
    assert message.url == "https://pagure.io/group/fedora-qa"


def test_test_notification_has_no_project():
    message = sample(TestNotificationV1, "pagure-io-settings-button")
    assert message.summary == "A project admin sent a test notification: Test message"
    assert message.url is None and message.agent_name is None and message.usernames == []


@pytest.mark.parametrize("name", sorted(PAGURE))
def test_summary_names_project_for_every_sample(name):
    cls = PAGURE[name].cls
    for s in samples.load(cls):
        message = s.message()
        project = (
            message.body.get("project")
            or message.body.get("repo")
            or (message.body.get("pullrequest") or {}).get("project")
        )
        if project:
            assert project["name"] in message.summary, (s.name, message.summary)
        assert message.summary[0].isalnum()


def test_the_45_upstream_names_require_no_more_than_upstream():
    assert set(UPSTREAM_REQUIRED) == set(PAGURE) - NEW_NAMES
    for name, required in UPSTREAM_REQUIRED.items():
        assert set(PAGURE[name].cls.body_schema["required"]) <= set(required), name


def test_minimal_upstream_bodies_are_accepted():
    """Bodies with only what upstream requires (e.g. no issue on issue.comment.added)."""
    project = samples.bodies("pagure.project.new")[0]["project"]
    assert PAGURE["pagure.issue.comment.added"].cls.accepts({"agent": "jsmith", "project": project})
    assert PAGURE["pagure.issue.tag.added"].cls.accepts({"agent": "jsmith", "project": project})
    assert PAGURE["pagure.issue.dependency.added"].cls.accepts(
        {"agent": "jsmith", "project": project, "added_dependency": 4}
    )
    pull_request = samples.bodies("pagure.pull-request.new")[0]["pullrequest"]
    assert PAGURE["pagure.pull-request.comment.edited"].cls.accepts(
        {"agent": "jsmith", "pullrequest": pull_request}
    )
    # pagure-messages declared repo_from as a user: a user-shaped object stays valid.
    pull_request = dict(
        pull_request, repo_from={"name": "jsmith", "fullname": "Jane Smith", "url_path": "user/jsmith"}
    )
    assert PAGURE["pagure.pull-request.new"].cls.accepts({"agent": "jsmith", "pullrequest": pull_request})
    # Timestamps are strings; ids are numbers (upstream: "number").
    issue = dict(samples.bodies("pagure.issue.new")[0]["issue"], id=42.0)
    assert PAGURE["pagure.issue.new"].cls.accepts({"agent": "jsmith", "project": project, "issue": issue})
    issue["date_created"] = 1731080123
    assert not PAGURE["pagure.issue.new"].cls.accepts({"agent": "jsmith", "project": project, "issue": issue})
