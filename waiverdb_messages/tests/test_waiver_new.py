"""What WaiverDB's waiver messages say about themselves."""

from __future__ import annotations

from fedora_bus_schemas_waiverdb import WaiverNewV1
from tests.support import sample


def test_waiver_through_bodhi():
    message = sample(WaiverNewV1, "bodhi-update-proxied-by-bodhi")
    assert message.summary == (
        "mgarcia waived update.install_default_update_netinst for update FEDORA-2024-5a3c9e1f2b "
        "in fedora-40 (through bodhi)"
    )
    assert message.agent_name == "mgarcia"
    assert message.usernames == ["mgarcia"]
    assert message.packages == []
    assert message.url == "https://waiverdb.fedoraproject.org/api/v1.0/waivers/14192"
    assert message.agent_avatar.startswith("https://seccdn.libravatar.org/avatar/")
    assert "Proxied by:      bodhi" in str(message)


def test_unwaiver_of_a_build():
    message = sample(WaiverNewV1, "koji-build-unwaive-rpmdeplint")
    assert (
        message.summary
        == "tkowalski revoked the waiver of dist.rpmdeplint for libsolv-0.7.30-1.fc40 in fedora-40"
    )
    assert message.packages == ["libsolv"]


def test_2017_body_with_result_id_only():
    old = WaiverNewV1(
        body={
            "id": 8,
            "username": "ralph",
            "comment": "ok",
            "waived": True,
            "timestamp": "2017-03-16T17:42:04.209638",
            "product_version": "fedora-26",
            "result_id": 1,
        }
    )
    assert old.summary == "ralph waived a test result in fedora-26"
    assert old.url == "https://waiverdb.fedoraproject.org/api/v1.0/waivers/8"


def test_empty_body():
    assert WaiverNewV1(body={}).summary == "Someone waived a test result"
    assert WaiverNewV1(body={}).url is None
