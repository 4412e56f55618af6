"""What Anitya's distribution messages say about themselves."""

from __future__ import annotations

from fedora_bus_schemas_anitya import DistroCreated, DistroDeleted, DistroEdited
from tests.support import sample


def test_distribution_added():
    message = sample(DistroCreated, "created-by-first-mapping-name-with-space")
    assert message.summary == "tkowalski added the distribution Chimera Linux to release-monitoring.org"
    assert message.url == "https://release-monitoring.org/distro/Chimera%20Linux/"
    assert message.distro_name == "Chimera Linux"
    assert message.packages == [] and message.usernames == ["tkowalski"]
    assert str(message) == (
        "tkowalski added the distribution Chimera Linux to release-monitoring.org\n"
        "\n"
        "Distribution: Chimera Linux\n"
        "Agent:        tkowalski\n"
        "URL:          https://release-monitoring.org/distro/Chimera%20Linux/\n"
    )


def test_distribution_renamed_links_to_the_new_name():
    message = sample(DistroEdited, "fix-capitalisation")
    assert message.summary == "mlopez renamed the distribution Opensuse to openSUSE"
    assert message.url == message.distro_url_new == "https://release-monitoring.org/distro/openSUSE/"
    assert message.distro_name_old == "Opensuse"


def test_distribution_deleted_links_to_the_list():
    message = sample(DistroDeleted, "typo-duplicate")
    assert message.summary == "mlopez deleted the distribution Fedroa from release-monitoring.org"
    assert message.url == "https://release-monitoring.org/distros/"
    assert message.distro_url == "https://release-monitoring.org/distro/Fedroa/"


def test_empty_bodies():
    assert DistroCreated(body={}).summary == "Someone added a distribution to release-monitoring.org"
    assert DistroEdited(body={}).summary == "Someone edited a distribution"
    assert (
        DistroEdited(body={"message": {"new": "Debian"}}).summary
        == "Someone renamed a distribution to Debian"
    )
    assert DistroCreated(body={}).url is None
