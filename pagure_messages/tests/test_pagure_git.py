"""What Pagure's git hook messages say about themselves."""

from __future__ import annotations

import copy

import pytest

from fedora_bus_schemas_core import samples
from fedora_bus_schemas_pagure import (
    GitBranchCreationV1,
    GitBranchDeletionV1,
    GitReceiveV1,
    GitTagCreationV1,
    GitTagDeletionV1,
)
from tests.support import fact, sample


def test_single_commit_push_links_to_the_commit():
    message = sample(GitReceiveV1, "dist-git-rawhide-one-commit")
    assert message.summary == "jsmith pushed 1 commit to the rawhide branch of rpms/kernel"
    assert (
        message.url == "https://src.fedoraproject.org/rpms/kernel/c/71a4d7e0b3f6c9a2d5e8b1f4c7a0d3e6b9c2f5a8"
    )
    assert message.packages == ["kernel"]
    assert fact(message, "Files changed") == "3"


def test_push_merging_a_pull_request():
    message = sample(GitReceiveV1, "pagure-io-merge-of-pull-request")
    assert (
        message.summary
        == "jsmith merged pull-request #2291 into the main branch of fedora-infra/ansible (2 commits)"
    )
    assert message.url == (
        "https://pagure.io/fedora-infra/ansible/c/"
        "7b0e3a6d9c2f5b8e1a4d7c0f3b6e9a2d5c8f1b4e..8d1e4f7a2b5c8e1f4a7d0b3c6e9f2a5d8b1c4e7f"
    )
    assert message.usernames == ["jsmith", "tkowalski"]


def test_new_branch_in_a_fork_links_to_its_history():
    message = sample(GitReceiveV1, "dist-git-fork-new-branch-unknown-author")
    assert (
        message.summary
        == "tkowalski pushed 3 commits to the epel9-2.32.3 branch of their fork of rpms/python-requests"
    )
    assert (
        message.url
        == "https://src.fedoraproject.org/fork/tkowalski/rpms/python-requests/commits/epel9-2.32.3"
    )
    assert message.packages == ["python-requests"]
    assert message.usernames == ["tkowalski"]  # the unknown author has no username
    assert fact(message, "Authors") == "Tomasz Kowalski (laptop) and tkowalski"


def test_force_push_to_a_module():
    message = sample(GitReceiveV1, "dist-git-module-forced-older-pagure")
    assert message.summary == "ekovacs force-pushed 1 commit to the 18 branch of modules/nodejs"
    assert message.modules == ["nodejs"]


def test_branches_and_tags():
    assert sample(GitBranchCreationV1, "dist-git-new-release-branch").summary == (
        "releng created the branch f42 in rpms/kernel"
    )
    assert sample(GitBranchCreationV1, "dist-git-new-release-branch").url == (
        "https://src.fedoraproject.org/rpms/kernel/commits/f42"
    )
    deleted = sample(GitBranchDeletionV1, "dist-git-flatpak")
    assert deleted.summary == "rpatel deleted the branch f39 of flatpaks/flatpak-runtime"
    assert deleted.flatpaks == ["flatpak-runtime"]
    assert deleted.url == "https://src.fedoraproject.org/flatpaks/flatpak-runtime/branches"
    tag = sample(GitTagCreationV1, "pagure-io-release")
    assert tag.summary == "dnovak created the tag 5.14.1 in pagure"
    assert tag.url == "https://pagure.io/pagure/tree/5.14.1"
    assert sample(GitTagDeletionV1, "dist-git-container").containers == ["fedora-toolbox"]


@pytest.mark.parametrize("cls", [GitBranchCreationV1, GitBranchDeletionV1])
def test_branch_events_declare_branch(cls):
    """pagure-messages 1.3.3 required branch without declaring it (it declared tag instead)."""
    schema = cls.body_schema
    assert "branch" in schema["required"] and "branch" in schema["properties"]
    assert "tag" not in schema["properties"]
    body = copy.deepcopy(samples.bodies(cls)[0])
    for value in (["f42"], 42, None, {"name": "f42"}):
        body["branch"] = value
        assert cls.accepts(body), value  # upstream accepted any value: so do we
        assert isinstance(cls(body=body).summary, str)


def test_fedmsg_era_push_of_one_commit():
    old = GitReceiveV1(
        body={
            "commit": {
                "agent": "git",
                "branch": "refs/heads/bleach",
                "name": "Pierre-Yves Chibon",
                "repo": {"name": "pagure", "parent": None, "user": {"name": "pingou"}},
                "rev": "131e07ed2538839d509880a011cd7d55c0967171",
                "summary": "Use the default attributes for bleach",
                "username": None,
            }
        }
    )
    assert old.summary == (
        "Pierre-Yves Chibon pushed a commit to the bleach branch of pagure: "
        "Use the default attributes for bleach"
    )
    assert old.url is None
