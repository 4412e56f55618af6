"""Commit flags, groups, the test notification, and what every Pagure class shares."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault(
    "FEDORA_MESSAGING_CONF", str(Path(__file__).parents[2] / "tests" / "fedora-messaging.toml")
)

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


def sample(cls, name: str):
    return next(s for s in samples.load(cls) if s.name == name).message()


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
