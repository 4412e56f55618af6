"""What Greenwave's decision messages say about themselves."""

from __future__ import annotations

from fedora_bus_schemas_greenwave import DecisionUpdateV1
from tests.support import sample


def test_build_that_now_passes():
    message = sample(DecisionUpdateV1, "koji-build-push-testing-result-passed")
    assert message.summary == (
        "python-requests-2.32.3-1.fc41 now passes bodhi_update_push_testing for fedora-41: "
        "all required tests (1 total) have passed or been waived"
    )
    assert message.packages == ["python-requests"]
    assert message.usernames == []
    assert message.url == (
        "https://koji.fedoraproject.org/koji/search?terms=python-requests-2.32.3-1.fc41&type=build&match=exact"
    )
    assert message.severity == 20
    text = str(message)
    assert text.startswith(message.summary + "\n\n")
    assert "Decision context: bodhi_update_push_testing" in text
    assert "Before:           Of 1 required test, 1 result missing" in text


def test_update_that_still_fails_links_to_bodhi():
    message = sample(DecisionUpdateV1, "bodhi-update-critpath-openqa-failed")
    assert message.summary.startswith("Update FEDORA-2024-7c2f3a1b9e still fails ")
    assert message.url == "https://bodhi.fedoraproject.org/updates/FEDORA-2024-7c2f3a1b9e"


def test_first_decision_without_previous():
    message = sample(DecisionUpdateV1, "compose-rawhide-first-decision-previous-null")
    assert message.summary == (
        "Compose Fedora-Rawhide-20241105.n.0 fails rawhide_compose_sync_to_mirrors for fedora-rawhide: "
        "of 43 required tests, 2 results missing, 1 test failed"
    )
    assert message.url is None and message.packages == []


def test_waiver_triggered_decision_names_the_test_case():
    message = sample(DecisionUpdateV1, "koji-build-push-stable-waiver-failed-waived")
    assert message.body["testcase"] in str(message)


def test_2017_body_with_the_policies_satisified_typo():
    old = DecisionUpdateV1(
        body={
            "policies_satisified": False,
            "summary": "1 of 1 required tests failed",
            "decision_context": "bodhi_update_push_stable",
            "product_version": "fedora-26",
            "subject": [{"item": "libmtp-1.1.14-1.fc27", "type": "koji_build"}],
        }
    )
    assert (
        old.summary
        == "libmtp-1.1.14-1.fc27 fails bodhi_update_push_stable for fedora-26: 1 of 1 required tests failed"
    )
    assert old.packages == ["libmtp"]


def test_empty_body():
    assert (
        DecisionUpdateV1(body={}).summary == "A subject has a new gating decision under its gating policies"
    )
