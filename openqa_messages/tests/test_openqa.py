"""What openQA's job and comment messages say about themselves, for every shape openQA has sent."""

from __future__ import annotations

import pytest

from fedora_bus_schemas_core import as_typed, class_for_topic, samples
from fedora_bus_schemas_openqa import (
    CommentCreateV1,
    CommentDeleteV1,
    CommentUpdateV1,
    JobCancelV1,
    JobCreateV1,
    JobDeleteV1,
    JobDoneV1,
    JobDuplicateV1,
    JobRestartV1,
    JobUpdateResultV1,
)
from tests.support import PROD, fact, received, sample

STG = "org.fedoraproject.stg."


def test_failed_compose_job_names_its_failed_modules():
    message = sample(JobDoneV1, "compose-rawhide-failed-module")
    assert message.summary == (
        "openQA job 3719942 (install_default_upload, x86_64, Fedora-Rawhide-20251105.n.0) failed: "
        "_do_install_and_reboot"
    )
    assert message.url == "https://openqa.fedoraproject.org/tests/3719942"
    assert message.usernames == [] and message.agent_name is None and message.packages == []
    text = str(message)
    assert text.startswith(message.summary + "\n\n")
    assert fact(message, "Failed modules") == "_do_install_and_reboot"
    assert fact(message, "Pending") == "198 jobs of this build"


def test_incomplete_job_gives_the_reason():
    message = sample(JobDoneV1, "update-f41-incomplete-backend-died")
    assert message.summary.endswith(
        "Update-FEDORA-2024-5a3c9e1f2b) was incomplete: "
        "backend died: QEMU exited unexpectedly, see log for details"
    )


def test_carried_over_bug_is_listed():
    message = sample(JobDoneV1, "update-f43-softfailed-carried-over-bug")
    assert message.summary.endswith("passed with soft failures")
    assert fact(message, "Bug") == "brc#2404317 (https://bugzilla.redhat.com/show_bug.cgi?id=2404317)"


def test_2016_bodies_without_settings():
    done = sample(JobDoneV1, "fedmsg-2016-lowercase-build-null-result")
    assert done.summary == "openQA job 10826 (Fedora-Rawhide-20160323.n.0) finished"
    assert done.url == "https://openqa.fedoraproject.org/tests/10826"
    restart = sample(JobRestartV1, "fedmsg-2016-string-result")
    assert restart.new_jobs == ["10619"]
    assert restart.url == "https://openqa.fedoraproject.org/tests/10619"


def test_restart_through_the_api_has_a_string_id():
    message = sample(JobRestartV1, "user-restart-through-api-string-id")
    assert message.body["id"] == "2986411"
    assert message.new_jobs == ["2986530"]
    assert message.summary == (
        "openQA job 2986411 (install_default_upload, x86_64, Fedora-Rawhide-20241105.n.0) was restarted "
        "as job 2986530"
    )


def test_automatic_restart_of_a_cluster():
    message = sample(JobRestartV1, "automatic-restart-of-parallel-cluster")
    assert message.new_jobs == ["3720260", "3720259"], "this job's own clone comes first"
    assert message.summary.endswith(
        "was automatically restarted as job 3720260, with 1 other job of its cluster"
    )
    assert message.url == "https://openqa.fedoraproject.org/tests/3720260"
    assert fact(message, "Requested by") == "openQA"
    commented = sample(JobRestartV1, "user-restart-with-comment")
    assert fact(commented, "Comment") == "Worker lost its connection to the asset share; retrying"


def test_duplicate_is_deprecated_and_reads_like_a_restart():
    assert JobDuplicateV1.deprecated and JobDuplicateV1.replaced_by == "openqa.job.restart.v1"
    assert class_for_topic(PROD + "openqa.job.duplicate") is JobDuplicateV1
    automatic = sample(JobDuplicateV1, "fedmsg-2016-automatic")
    assert automatic.summary == (
        "openQA job 10625 (base_selinux, x86_64, Fedora-24-20160323.n.0) "
        "was automatically duplicated as job 10695"
    )
    manual = sample(JobDuplicateV1, "fedmsg-2016-manual-with-disk")
    assert " was duplicated as job 10695" in manual.summary


def test_packages_of_a_cloned_update_job():
    message = sample(JobCreateV1, "clone-through-api-jobs-echoes-settings")
    assert message.packages == ["python-requests", "python-urllib3"]
    assert message.body["VERSION"] == "41", "POST /api/v1/jobs echoes settings as strings"
    assert sample(JobCreateV1, "update-f41-server-scheduled-through-isos").packages == []


def test_other_job_summaries():
    assert sample(JobCreateV1, "compose-rawhide-scheduled-through-isos").summary == (
        "openQA job 2986411 (install_default_upload, x86_64, Fedora-Rawhide-20241105.n.0) was scheduled"
    )
    assert sample(JobCancelV1, "clone-cancelled-with-reason").summary.endswith(
        "was cancelled: cloned with the wrong UPDATE_OR_TAG_REPO"
    )
    assert sample(JobCancelV1, "compose-job-cancelled-without-reason").summary.endswith("was cancelled")
    assert sample(JobDeleteV1, "job-outside-any-group-deleted").summary == (
        "openQA job 2987401 (base_selinux, x86_64, Kojitask-125812617-NOREPORT) was deleted"
    )
    forced = sample(JobUpdateResultV1, "forced-softfailed-for-known-bug")
    assert forced.summary.startswith("The result of openQA job 3719942 (")
    assert forced.summary.endswith(") is now softfailed")
    assert fact(forced, "State") == "done"


def test_comment_on_a_job():
    message = sample(CommentCreateV1, "user-comment-on-update-job")
    assert message.summary == (
        "adamwill commented on openQA job 3721377: brc#2404317 - gnome-software crashes when the update "
        "notification is dismissed"
    )
    assert message.url == "https://openqa.fedoraproject.org/tests/3721377#comment-412937"
    assert message.usernames == ["adamwill"] and message.agent_name == "adamwill"


def test_comments_on_groups_and_carry_overs():
    group = sample(CommentCreateV1, "comment-on-job-group")
    assert group.url == "https://openqa.fedoraproject.org/group_overview/1#comment-412960"
    parent = sample(CommentUpdateV1, "user-edits-parent-group-comment")
    assert parent.url == "https://openqa.fedoraproject.org/parent_group_overview/3#comment-409115"
    assert parent.summary.startswith("kparal edited a comment on openQA parent job group 3: ")
    carried = sample(CommentCreateV1, "automatic-bug-carry-over")
    assert carried.summary == "openQA carried brc#2404317 over to job 3722014 from job 3721377"
    assert carried.usernames == ["system"]
    assert fact(carried, "Carried over from job") == "3721377"


def test_deleted_comment_has_no_agent_and_no_anchor():
    message = sample(CommentDeleteV1, "user-deletes-job-comment")
    assert message.summary == (
        "A comment by geraldosimiao on openQA job 3721377 was deleted: looks like a flake, restarting"
    )
    assert message.url == "https://openqa.fedoraproject.org/tests/3721377"
    assert message.agent_name is None and message.usernames == ["geraldosimiao"]


@pytest.mark.parametrize(
    ("cls", "name", "page"),
    [
        (JobDoneV1, "compose-rawhide-failed-module", "tests/3719942"),
        (JobRestartV1, "user-restart-through-api-string-id", "tests/2986530"),
        (CommentCreateV1, "comment-on-job-group", "group_overview/1#comment-412960"),
    ],
)
def test_plain_messages_become_typed_and_link_to_their_instance(cls, name, page):
    body = samples.get(cls, name).body
    production = as_typed(received(cls, body))
    assert type(production) is cls
    assert production.url == f"https://openqa.fedoraproject.org/{page}"
    staging = as_typed(received(cls, body, STG))
    assert type(staging) is cls
    assert staging.url == f"https://openqa.stg.fedoraproject.org/{page}"


def test_url_segments_from_the_body_are_quoted():
    job = JobDoneV1(body={"id": "12 #?/é", "remaining": 0, "result": "passed"})
    assert job.url == "https://openqa.fedoraproject.org/tests/12%20%23%3F%2F%C3%A9"
    comment = CommentCreateV1(body={"id": "1#2", "job_id": None, "group_id": "a/b", "user": "x", "text": "y"})
    assert comment.url == "https://openqa.fedoraproject.org/group_overview/a%2Fb#comment-1%232"
    lone_surrogate = JobDoneV1(body={"id": "\ud800", "remaining": 0, "result": "passed"})
    assert lone_surrogate.url == "https://openqa.fedoraproject.org/tests/%3F"  # as the core's urls write it
    for dot in (".", ".."):  # no page: never the one above
        assert JobDoneV1(body={"id": dot, "remaining": 0, "result": "passed"}).url is None
    clone = JobRestartV1(body={"id": 10, "result": {"10": ".."}, "remaining": 0})
    assert clone.url == "https://openqa.fedoraproject.org/tests/10", "the original job, not /tests/.."


def test_every_topic_and_shape_is_typed():
    names = {cls.schema_name for cls in (JobCreateV1, JobDoneV1, JobRestartV1, JobCancelV1, JobDeleteV1)}
    names |= {cls.schema_name for cls in (JobUpdateResultV1, JobDuplicateV1)}
    names |= {cls.schema_name for cls in (CommentCreateV1, CommentUpdateV1, CommentDeleteV1)}
    assert len(names) == 10
    for name in names:
        for found in samples.load(name):
            typed = as_typed(received(found.cls, found.body))
            assert type(typed) is found.cls, (name, found.name)
