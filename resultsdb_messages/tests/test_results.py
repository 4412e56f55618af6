"""What ResultsDB's result messages say about themselves."""

from __future__ import annotations

from fedora_bus_schemas_resultsdb import ResultNewV1, TaskotronResultNewV1
from tests.support import sample


def test_fedora_ci_result_for_a_build():
    message = sample(ResultNewV1, "fedora-ci-koji-build-tier0-passed")
    assert message.summary == "fedora-ci.koji-build.tier0.functional passed for python-requests-2.32.3-1.fc41"
    assert message.packages == ["python-requests"]
    assert message.url == message.body["href"]


def test_openqa_failure_for_an_update_names_the_scenario():
    message = sample(ResultNewV1, "openqa-update-netinst-uefi-failed")
    assert message.summary == (
        "update.install_default_update_netinst failed for update FEDORA-2024-9f3c7a1b2e "
        "(fedora.updates-everything-boot-iso.x86_64.uefi)"
    )
    assert message.packages == []
    assert "Note:" in str(message)


def test_taskotron_transition():
    message = sample(TaskotronResultNewV1, "openqa-update-passed-to-failed")
    assert message.summary == (
        "update.install_default_update_netinst failed for update FEDORA-2024-9f3c7a1b2e (previously passed)"
    )
    assert message.url.startswith("https://resultsdb.fedoraproject.org/api/v2.0/results/")


def test_2015_taskotron_body():
    old = TaskotronResultNewV1(
        body={
            "task": {"item": "FEDORA-2015-7fdaa3efb1", "type": "bodhi_update", "name": "upgradepath"},
            "result": {
                "id": 10560184,
                "submit_time": "2015-11-25 23:05:22 UTC",
                "prev_outcome": None,
                "outcome": "PASSED",
                "job_url": "https://taskotron.fedoraproject.org/x",
                "log_url": None,
            },
        }
    )
    assert old.summary == "upgradepath passed for update FEDORA-2015-7fdaa3efb1"


def test_unknown_outcome_and_empty_body():
    assert (
        ResultNewV1(body={"testcase": {"name": "t"}, "outcome": "SKIPPED"}).summary
        == "t ended with outcome SKIPPED"
    )
    assert ResultNewV1(body={}).summary == "A test has a new result"
    assert TaskotronResultNewV1(body={}).url is None
