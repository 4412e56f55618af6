"""What Koji's build and scratch-build task messages say about themselves."""

from __future__ import annotations

from fedora_messaging.message import INFO

from fedora_bus_schemas_core import class_for_topic, samples
from fedora_bus_schemas_koji import BuildStateChangeV1, TaskStateChangeV1
from tests.support import sample


def test_completed_build():
    message = sample(BuildStateChangeV1, "python-requests-noarch-complete-with-task-tree")
    assert message.summary == "python-requests-2.32.3-1.fc41 was built by churchyard"
    assert message.new_state_name == "complete" and message.old_state_name == "building"
    assert message.agent_name is None  # Koji completed it; the owner did not act
    assert message.usernames == ["churchyard"]
    assert message.packages == ["python-requests"]
    assert message.url == "https://koji.fedoraproject.org/koji/buildinfo?buildID=2566120"
    assert message.severity == INFO
    text = str(message)
    assert "State:    building → complete" in text
    assert "Started:  2024-11-05 14:02:11 UTC" in text
    assert (
        "Task:     125651301 buildArch (noarch) on buildvm-a64-12.iad2.fedoraproject.org, closed: "
        "https://koji.fedoraproject.org/koji/taskinfo?taskID=125651301"
    ) in text
    # Result files are linked under files_base_url, each path segment quoted ('+' in subpackage names).
    assert (
        "RPM:      https://kojipkgs.fedoraproject.org/work/tasks/1301/125651301/"
        "python3-requests%2Bsecurity-2.32.3-1.fc41.noarch.rpm"
    ) in text


def test_started_build_names_its_owner_as_agent():
    message = sample(BuildStateChangeV1, "rust-serde-started-tasks-running")
    assert message.summary == "decathorpe started building rust-serde-1.0.214-1.fc42"
    assert message.agent_name == "decathorpe"
    assert "Finished: (still running)" in str(message)


def test_failed_build_lists_the_failed_task():
    message = sample(BuildStateChangeV1, "perl-dbd-pg-failed-on-s390x")
    assert message.summary == "ppisar's build of perl-DBD-Pg-3.18.0-3.fc41 failed"
    assert "buildArch (s390x) on buildvm-s390x-11.s390.fedoraproject.org, failed" in str(message)


def test_canceled_build():
    message = sample(BuildStateChangeV1, "gnome-shell-side-tag-canceled")
    assert message.summary == "kalev's build of gnome-shell-47.1-2.fc42 was canceled"
    assert message.agent_name == "kalev"


def test_image_task_logs_live_in_the_task_folder():
    """Image tasks name their logs without a folder; the link points into the task's own."""
    body = samples.get(BuildStateChangeV1, "gnome-shell-side-tag-canceled").body
    body["task"]["result"] = {
        "logs": ["build.log"],
        "files": ["Fedora-i3-Live-x86_64-Rawhide-20240101.n.0.iso"],
    }
    text = str(BuildStateChangeV1(body=body))
    folder = "https://kojipkgs.fedoraproject.org/work/tasks/42/125710042"
    assert f"Log:      {folder}/build.log" in text
    assert f"Image:    {folder}/Fedora-i3-Live-x86_64-Rawhide-20240101.n.0.iso" in text


def test_result_file_links_stay_in_the_files_folder():
    """A file name with ``#``, ``?`` or a lone surrogate is one quoted segment; a ``..`` path is
    shown as it is, never linked to a folder above the task's."""
    body = samples.get(BuildStateChangeV1, "gnome-shell-side-tag-canceled").body
    body["task"]["result"] = {"logs": ["a #1?.log", "\ud800.log"], "files": ["tasks/../../secret"]}
    text = str(BuildStateChangeV1(body=body))
    folder = "https://kojipkgs.fedoraproject.org/work/tasks/42/125710042"
    assert f"Log:      {folder}/a%20%231%3F.log" in text
    assert f"Log:      {folder}/%3F.log" in text
    assert "Image:    tasks/../../secret" in text
    body["files_base_url"] = "https://kojipkgs.fedoraproject.org/work?page=1"  # no path can follow a query
    assert "Log:      tasks/42/125710042/a #1?.log" in str(BuildStateChangeV1(body=body))
    body["files_base_url"] = "http://files.example.com/my work"  # upstream's tests send http
    served = "Log:      http://files.example.com/my%20work/tasks/42/125710042/"
    assert served in str(BuildStateChangeV1(body=body))


def test_build_urls_follow_the_hub_that_sent_the_message():
    body = samples.get(BuildStateChangeV1, "rust-serde-started-tasks-running").body
    body["base_url"] = "https://koji.stg.fedoraproject.org"
    assert (
        BuildStateChangeV1(body=body).url
        == "https://koji.stg.fedoraproject.org/koji/buildinfo?buildID=2567003"
    )
    body["build_id"] = None
    assert BuildStateChangeV1(body=body).url.endswith("/koji/taskinfo?taskID=125702211")
    body["task_id"] = None
    assert BuildStateChangeV1(body=body).url == (
        "https://koji.stg.fedoraproject.org/koji/search?terms=rust-serde-1.0.214-1.fc42&type=build&match=exact"
    )
    del body["base_url"]  # fedmsg-era bodies: the primary instance is Fedora's hub
    assert BuildStateChangeV1(body=body).url.startswith("https://koji.fedoraproject.org/koji/search?")
    body["instance"] = "s390"  # a secondary hub whose address the body does not give
    assert BuildStateChangeV1(body=body).url is None
    body["base_url"] = "http://koji.example.com"
    assert BuildStateChangeV1(body=body).url is None
    body["base_url"] = "https://koji.example.com/my hub/"  # made valid
    assert BuildStateChangeV1(body=body).url.startswith("https://koji.example.com/my%20hub/koji/search?")
    body["base_url"] = "https://koji.example.com/?x#y"  # pages cannot be added after a query
    assert BuildStateChangeV1(body=body).url is None


def test_fedmsg_era_build_from_a_secondary_hub():
    message = BuildStateChangeV1(
        body={
            "build_id": 288888,
            "old": 0,
            "name": "64tass",
            "task_id": 1739950,
            "attribute": "state",
            "instance": "s390",
            "version": "1.51.727",
            "owner": "sharkcz",
            "new": 3,
            "release": "1.fc22",
        }
    )
    assert message.summary == "sharkcz's build of 64tass-1.51.727-1.fc22 failed on the s390 Koji hub"


def test_build_summaries_without_owner_or_nvr():
    assert BuildStateChangeV1(body={"new": 1}).summary == "A build was built"
    assert BuildStateChangeV1(body={"name": "kernel", "new": 4}).summary == "The build of kernel was canceled"
    assert BuildStateChangeV1(body={"name": "kernel", "new": 0}).summary == "Koji started building kernel"
    assert BuildStateChangeV1(body={"new": 9}).summary == "A build moved to state 9"


def test_closed_scratch_build():
    message = sample(TaskStateChangeV1, "packit-dist-git-pr-closed-with-subtasks")
    assert (
        message.summary
        == "packit's scratch build of python-specfile at commit 0c7a3e9f for rawhide completed"
    )
    assert message.packages == ["python-specfile"]
    assert message.usernames == ["packit"] and message.agent_name == "packit"
    assert message.url == "https://koji.fedoraproject.org/koji/taskinfo?taskID=125731107"
    assert message.target == "rawhide"
    text = str(message)
    assert "State:  OPEN → CLOSED" in text
    assert (
        "SRPM:   https://kojipkgs.fedoraproject.org/work/tasks/1108/125731108/python-specfile-0.32.5-1.fc42.src.rpm"
    ) in text


def test_scratch_build_of_an_uploaded_srpm():
    message = sample(TaskStateChangeV1, "uploaded-srpm-opened")
    assert message.summary == "mhroncok's scratch build of htop-3.3.0-4.fc41 for f41 started"
    assert message.packages == ["htop"]


def test_scratch_image_task_names_no_package():
    message = TaskStateChangeV1(
        body={
            "id": 111136700,
            "method": "livemedia",
            "srpm": "Fedora-i3-Live",
            "owner": "releng",
            "new": "CLOSED",
        }
    )
    assert message.summary == "releng's scratch livemedia task for Fedora-i3-Live completed"
    assert message.packages == []


def test_fedmsg_era_task_without_info_or_base_url():
    message = TaskStateChangeV1(
        body={
            "old": "OPEN",
            "attribute": "state",
            "method": "build",
            "owner": "ralph",
            "srpm": "python-websocket-client-0.12.0-1.fc20.src.rpm",
            "new": "FAILED",
            "id": 6380373,
        }
    )
    assert message.summary == "ralph's scratch build of python-websocket-client-0.12.0-1.fc20 failed"
    assert message.packages == ["python-websocket-client"]
    assert message.url == "https://koji.fedoraproject.org/koji/taskinfo?taskID=6380373"


def test_prefixed_topics_find_the_classes():
    assert class_for_topic("org.fedoraproject.prod.buildsys.build.state.change") is BuildStateChangeV1
    assert class_for_topic("org.fedoraproject.stg.buildsys.task.state.change") is TaskStateChangeV1
