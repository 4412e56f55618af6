"""What Pagure's issue messages say about themselves."""

from __future__ import annotations

from fedora_bus_schemas_core import samples
from fedora_bus_schemas_pagure import (
    IssueAssignedAddedV1,
    IssueCommentAddedV1,
    IssueCommentEditedV1,
    IssueDependencyAddedV1,
    IssueDependencyRemovedV1,
    IssueDropV1,
    IssueEditV1,
    IssueNewV1,
    IssueTagRemovedV1,
)
from tests.support import fact, sample


def test_new_issue_on_pagure_io():
    message = sample(IssueNewV1, "pagure-io-infra-ticket")
    assert message.summary == (
        "ahughes opened issue #12214 on fedora-infrastructure: "
        "proxy14 returns 503 for mirrors.fedoraproject.org"
    )
    assert message.url == "https://pagure.io/fedora-infrastructure/issue/12214"
    assert message.usernames == ["ahughes"]
    assert message.agent_name == "ahughes"
    assert message.agent_avatar.startswith("https://seccdn.libravatar.org/avatar/")
    assert message.packages == [] and message.containers == []
    assert message.app_name == "pagure"
    text = str(message)
    assert text.startswith(message.summary + "\n\n")
    assert "Project:     fedora-infrastructure" in text
    assert "Tags:        high-trouble and ops" in text


def test_new_issue_on_dist_git_names_the_package():
    message = sample(IssueNewV1, "dist-git-rpms-issue-no-comments")
    assert message.summary == "rpatel opened issue #7 on rpms/python-requests: Please build 2.32.3 for EPEL 9"
    assert message.packages == ["python-requests"]
    assert message.url == "https://src.fedoraproject.org/rpms/python-requests/issue/7"


def test_edit_closing_an_issue_says_why():
    message = sample(IssueEditV1, "pagure-io-closed-as-fixed")
    assert message.summary == (
        "jsmith closed issue #12214 on fedora-infrastructure as Fixed: "
        "proxy14 returns 503 for mirrors.fedoraproject.org"
    )
    assert fact(message, "Status") == "Closed (Fixed)"
    assert sample(IssueEditV1, "pagure-io-reopened").summary.startswith("ahughes reopened issue #12214 ")
    assert sample(IssueEditV1, "pagure-io-title-and-milestone").summary.startswith(
        "ekovacs edited the milestone and title of issue #3291 on fesco: "
    )
    assert sample(IssueEditV1, "dist-git-description").summary.startswith(
        "rpatel edited the description of issue #7 on rpms/python-requests"
    )


def test_assignment_names_assignee_and_author():
    message = sample(IssueAssignedAddedV1, "dist-git-assigned-to-comaintainer")
    assert message.summary == (
        "mlopez assigned issue #7 on rpms/python-requests to tkowalski: Please build 2.32.3 for EPEL 9"
    )
    assert message.usernames == ["mlopez", "rpatel", "tkowalski"]
    assert sample(IssueAssignedAddedV1, "pagure-io-assigned-to-self").summary.startswith(
        "jsmith took issue #12214 on fedora-infrastructure"
    )


def test_new_comment_links_to_the_comment():
    message = sample(IssueCommentAddedV1, "pagure-io-infra-fix-comment")
    assert message.url == "https://pagure.io/fedora-infrastructure/issue/12214#comment-918840"
    assert fact(message, "Comment").startswith("haproxy on proxy14 had a stale backend list")


def test_edited_comment_names_its_author():
    message = sample(IssueCommentEditedV1, "pagure-io-admin-edits-someone-elses-comment")
    assert message.summary.startswith("mlopez edited tkowalski's comment on issue #3291 on fesco: ")
    assert message.url == "https://pagure.io/fesco/issue/3291#comment-917002"
    assert message.usernames == ["mlopez", "tkowalski"]
    assert IssueCommentEditedV1.topic == "pagure.issue.comment.edited"
    assert IssueCommentEditedV1.schema_name == "pagure.issue.comment.edited.v1"


def test_dependencies_follow_pagure_direction():
    added = sample(IssueDependencyAddedV1, "pagure-io-blocks-issue")
    assert added.summary == (
        "ahughes marked issue #5398 on pagure as blocking issue #5412: "
        "Custom fields of type date are stored as free text"
    )
    removed = sample(IssueDependencyRemovedV1, "pagure-io-fesco-two-dependencies")
    assert removed.summary.startswith(
        "ekovacs removed issues #3270 and #3288 from the dependencies of issue #3291 on fesco"
    )


def test_deleted_issue_links_to_the_issue_list():
    message = sample(IssueDropV1, "pagure-io-spam-ticket")
    assert message.url == "https://pagure.io/fedora-infrastructure/issues"
    assert message.summary.startswith("jsmith deleted issue #12219 on fedora-infrastructure: ")


def test_tag_removal_grammar():
    assert sample(IssueTagRemovedV1, "pagure-io-all-tags").summary.startswith(
        "jsmith removed the tags high-trouble and ops from issue #12214"
    )
    assert sample(IssueTagRemovedV1, "dist-git-rpms").summary.startswith("mlopez removed the tag epel9 from")


def test_staging_and_http_urls():
    body = samples.bodies(IssueNewV1)[0]
    body["issue"]["full_url"] = "https://stg.pagure.io/fedora-infrastructure/issue/12214"
    assert IssueNewV1(body=body).url == "https://stg.pagure.io/fedora-infrastructure/issue/12214"
    body["issue"]["full_url"] = "http://localhost.localdomain/test/issue/1"
    body["project"]["full_url"] = "http://localhost.localdomain/test"
    assert IssueNewV1(body=body).url is None


def test_bodies_without_issue_are_still_summarised():
    assert IssueCommentAddedV1(body={"agent": "jsmith"}).summary == "jsmith commented on an issue"
    assert IssueNewV1(body={}).summary == "Someone opened an issue"
