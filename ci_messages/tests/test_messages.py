"""What CI messages say about themselves: summaries, test case names, links, generations."""

from __future__ import annotations

import jsonschema
import pytest

from fedora_bus_schemas_ci import (
    TOPIC_CLASSES,
    BrewBuildPromoteQueuedV1,
    DistGitPrTestCompleteV1,
    FedoraModuleTestCompleteV1,
    FedoraUpdateTestCompleteV1,
    FedoraUpdateTestErrorV1,
    FedoraUpdateTestQueuedV1,
    KojiBuildTestCompleteV1,
    KojiBuildTestErrorV1,
    KojiBuildTestQueuedV1,
    KojiBuildTestRunningV1,
    ProductmdComposeBuildErrorV1,
    ProductmdComposeTestCompleteV1,
)
from fedora_bus_schemas_core import as_typed, samples
from tests.support import received, sample


def test_koji_build_passed():
    message = sample(KojiBuildTestCompleteV1, "python-requests-2-32-3-3-fc42-installability-passed-spec-1")
    assert message.summary == (
        "fedora-ci.koji-build.installability.functional passed on python-requests-2.32.3-3.fc42"
    )
    assert message.testcase_name == "fedora-ci.koji-build.installability.functional"
    assert message.result == "passed"
    assert (message.event, message.state) == ("test", "complete")
    assert (message.spec_version, message.spec_generation) == ("1.1.14", 1)
    assert message.packages == ["python-requests"]
    assert message.usernames == ["churchyard"] and message.agent_name == "churchyard"
    assert message.url == message.run_url
    assert message.artifact_url == "https://koji.fedoraproject.org/koji/taskinfo?taskID=125204011"
    text = str(message)
    assert text.startswith(message.summary + "\n\n")
    for line in (
        "Result:       passed",
        "Log:          https://osci-jenkins-1.ci.fedoraproject.org/job/fedora-ci/job/installability-pipeline/job/master/4821/console",
        "Contact:      installability (Fedora CI) <ci@lists.fedoraproject.org>, #fedora-ci",
        "URL:          https://osci-jenkins-1.ci.fedoraproject.org/job/fedora-ci/job/installability-pipeline/job/master/4821/",
    ):
        assert line in text


def test_each_state_of_a_koji_build_test():
    queued = sample(KojiBuildTestQueuedV1, "kernel-6-11-6-300-fc41-rpminspect-spec-1")
    assert queued.summary == (
        "fedora-ci.koji-build.rpminspect.static-analysis is queued for kernel-6.11.6-300.fc41"
    )
    running = sample(KojiBuildTestRunningV1, "systemd-257-rc1-1-fc42-tier0-spec-0-2")
    assert running.summary == (
        "fedora-ci.koji-build.tier0.functional is running on scratch build systemd-257~rc1-1.fc42"
    )
    assert running.spec_generation == 0 and running.result is None
    error = sample(KojiBuildTestErrorV1, "python-requests-2-32-3-3-fc42-installability-failed-spec-1")
    assert error.summary == (
        "fedora-ci.koji-build.installability.functional errored on python-requests-2.32.3-3.fc42: "
        "Infrastructure Failure"
    )
    assert error.result is None, "Jenkins' test.result in an error message is no result"
    assert "Error:        Infrastructure Failure" in str(error)
    skipped = sample(KojiBuildTestCompleteV1, "systemd-257-rc1-1-fc42-tier0-info-spec-0-2")
    assert "ended with an informational result on scratch build" in skipped.summary
    inspect = sample(KojiBuildTestCompleteV1, "kernel-6-11-6-300-fc41-rpminspect-needs-inspection-spec-1")
    assert inspect.summary.endswith(" needs inspection on kernel-6.11.6-300.fc41")


def test_openqa_update_test():
    name = "fedora-2024-8ad2e7c1f5-desktop-update-graphical-passed-spec-0-2"
    message = sample(FedoraUpdateTestCompleteV1, name)
    assert message.testcase_name == (
        "update.desktop_update_graphical 64bit updates-workstation-live-iso x86_64.validation"
    )
    assert message.summary.endswith(" passed on update FEDORA-2024-8ad2e7c1f5")
    assert message.url == "https://openqa.fedoraproject.org/tests/2893421"
    assert message.artifact_url == "https://bodhi.fedoraproject.org/updates/FEDORA-2024-8ad2e7c1f5"
    assert message.packages == ["kernel", "kernel-headers"]
    assert message.usernames == [] and message.agent_name is None
    assert "System:       x86_64 fedora-41 workstation (openqa)" in str(message)
    queued = sample(FedoraUpdateTestQueuedV1, "fedora-2024-f0e2b6a7c9-base-selinux-spec-0-2")
    assert queued.body["run"]["clone_of"] == 2894011 and queued.body["test"]["lifetime"] == 240


def test_jenkins_update_error_with_an_empty_artifact_type():
    message = sample(FedoraUpdateTestErrorV1, "fedora-2024-3c1bd5d3b2-tier0-failed-spec-1")
    assert message.body["artifact"]["type"] == ""
    assert message.summary == (
        "fedora-ci.fedora-update.tier0.functional errored on update FEDORA-2024-3c1bd5d3b2: "
        "Infrastructure Failure"
    )
    assert message.packages == ["python3.13"]


def test_pull_request():
    message = sample(DistGitPrTestCompleteV1, "python-requests-pr62-tier0-passed-spec-0-2")
    assert message.summary == (
        "fedora-ci.dist-git-pr.tier0.functional passed on pull request #62 of rpms/python-requests"
    )
    assert message.artifact_url == "https://src.fedoraproject.org/rpms/python-requests/pull-request/62"
    assert message.packages == ["python-requests"] and message.usernames == ["churchyard"]


def test_composes():
    name = "fedora-rawhide-20241105-n-0-install-default-upload-passed-spec-0-2"
    message = sample(ProductmdComposeTestCompleteV1, name)
    assert message.summary == (
        "compose.install_default_upload uefi Workstation-live-iso x86_64.validation passed on "
        "compose Fedora-Rawhide-20241105.n.0"
    )
    assert message.packages == [] and message.usernames == []
    build = sample(ProductmdComposeBuildErrorV1, "rhel-alt-7-20180101-n-0-spec-0-2")
    assert build.summary == "Build of compose RHEL-ALT-7-20180101.n.0 errored: Compose was cancelled"
    assert build.url is None and build.testcase_name is None


def test_brew_promotion_without_run_or_test():
    message = sample(BrewBuildPromoteQueuedV1, "setup-2-8-71-7-el7-4-spec-0-2")
    assert message.summary == "Promotion of setup-2.8.71-7.el7_4 is queued"
    assert message.url is None, "Brew is internal: no public link"
    assert message.packages == ["setup"]


def test_service_principals_are_not_usernames():
    principal = "distrobaker/distrobaker.osci.redhat.com"
    message = KojiBuildTestCompleteV1(body={"artifact": {"issuer": principal}})
    assert message.usernames == [] and message.agent_name is None


@pytest.mark.parametrize(
    ("cls", "name"),
    [
        (KojiBuildTestCompleteV1, "python-requests-2-32-3-3-fc42-installability-passed-spec-1"),
        (KojiBuildTestCompleteV1, "systemd-257-rc1-1-fc42-tier0-info-spec-0-2"),
        (FedoraUpdateTestCompleteV1, "fedora-2024-3c1bd5d3b2-tier0-passed-spec-1"),
        (FedoraUpdateTestCompleteV1, "fedora-2024-8ad2e7c1f5-desktop-update-graphical-passed-spec-0-2"),
    ],
)
def test_both_generations_validate_under_one_topic(cls, name):
    sample(cls, name).validate()


def test_what_every_producer_sends_is_required():
    complete = samples.get(
        KojiBuildTestCompleteV1, "python-requests-2-32-3-3-fc42-installability-passed-spec-1"
    ).body
    del complete["test"]["result"]
    with pytest.raises(jsonschema.ValidationError, match="'result' is a required property"):
        KojiBuildTestCompleteV1(body=complete).validate()
    error = samples.get(KojiBuildTestErrorV1, "kernel-6-11-6-300-fc41-rpminspect-failed-spec-1").body
    del error["error"]
    with pytest.raises(jsonschema.ValidationError, match="'error' is a required property"):
        KojiBuildTestErrorV1(body=error).validate()
    task = samples.get(KojiBuildTestQueuedV1, "kernel-6-11-6-300-fc41-rpminspect-spec-1").body
    task["artifact"]["id"] = "125598231"
    with pytest.raises(jsonschema.ValidationError, match="is not of type 'integer'"):
        KojiBuildTestQueuedV1(body=task).validate()


def test_what_producers_really_send_is_accepted():
    message = samples.get(KojiBuildTestCompleteV1, "systemd-257-rc1-1-fc42-tier0-info-spec-0-2").body
    del message["system"]  # not required in 0.2.x
    message.update(note="duplicated by Jenkins", image={"id": "x.iso"})
    message["test"].update(note=None, xunit=None, lifetime=0)
    message["run"].update(rebuild="", id="")
    message["generated_at"] = "2018-05-10 08:58:31.222602"
    KojiBuildTestCompleteV1(body=message).validate()
    message["system"] = {"os": "fedora-29", "provider": "openqa", "architecture": "x86_64"}  # 2019 openQA
    KojiBuildTestCompleteV1(body=message).validate()
    assert "x86_64 fedora-29 (openqa)" in str(KojiBuildTestCompleteV1(body=message))


@pytest.mark.parametrize("prefix", ["org.centos.prod.", "org.fedoraproject.prod.", "org.fedoraproject.stg."])
def test_plain_messages_become_typed(prefix):
    sent = samples.get(KojiBuildTestRunningV1, "kernel-6-11-6-300-fc41-rpminspect-spec-1")
    plain = received(KojiBuildTestRunningV1, sent.body, prefix)
    assert plain.topic == prefix + "ci.koji-build.test.running"
    typed = as_typed(plain)
    assert type(typed) is KojiBuildTestRunningV1
    assert typed.summary.startswith("fedora-ci.koji-build.rpminspect.static-analysis is running on")


def test_links_quote_what_comes_from_the_body():
    update = FedoraUpdateTestCompleteV1(body={"artifact": {"alias": "FEDORA-2024-a b#c?d/é"}})
    assert update.url == "https://bodhi.fedoraproject.org/updates/FEDORA-2024-a%20b%23c%3Fd%2F%C3%A9"
    build = KojiBuildTestCompleteV1(body={"artifact": {"id": "12 #3"}})
    assert build.url == "https://koji.fedoraproject.org/koji/taskinfo?taskID=12%20%233"
    pull = DistGitPrTestCompleteV1(
        body={"artifact": {"repository": "https://src.fedoraproject.org/rpms/a b", "id": "1?x"}}
    )
    assert pull.url == "https://src.fedoraproject.org/rpms/a%20b/pull-request/1%3Fx"
    assert KojiBuildTestCompleteV1(body={"run": {"url": "javascript:alert(1)"}}).url is None
    module = FedoraModuleTestCompleteV1(body={"artifact": {"id": "12/é"}})
    assert module.url == "https://mbs.fedoraproject.org/module-build-service/1/module-builds/12%2F%C3%A9"


@pytest.mark.parametrize("value", [".", "..", "\ud800"])
def test_links_never_point_elsewhere_nor_raise(value):
    """A dot segment gives no link (never the page above); a lone surrogate gives a valid one."""
    artifacts = {
        FedoraUpdateTestCompleteV1: {"alias": value},
        FedoraModuleTestCompleteV1: {"id": value},
        DistGitPrTestCompleteV1: {"repository": "https://src.fedoraproject.org/rpms/a", "id": value},
    }
    for cls, artifact in artifacts.items():
        url = cls(body={"artifact": artifact}).url
        assert url is None if value in (".", "..") else url.endswith("/%3F")
    task = KojiBuildTestCompleteV1(body={"artifact": {"id": value}}).url
    assert task.startswith("https://koji.fedoraproject.org/koji/taskinfo?taskID=")
    broken = {"repository": "https://[::1/rpms/a", "id": "1"}
    assert DistGitPrTestCompleteV1(body={"artifact": broken}).url is None
    assert DistGitPrTestCompleteV1(body={"artifact": broken}).packages == []


@pytest.mark.parametrize("cls", list(TOPIC_CLASSES.values()), ids=list(TOPIC_CLASSES))
def test_odd_bodies(cls):
    odd_bodies = [{}, {"artifact": ["x"], "test": "y", "system": 3, "run": None}]
    odd_bodies.append({"version": "one", "error": []})
    for odd in odd_bodies:
        message = cls(body=odd)
        assert message.summary and "None" not in message.summary
        assert message.spec_generation is None and message.testcase_name is None
        str(message)
