"""Koji's tagging, repository, package list and signing messages."""

from __future__ import annotations

import pika
from fedora_messaging.message import DEBUG

from fedora_bus_schemas_core import as_typed, samples
from fedora_bus_schemas_koji import DoneV1, InitV1, ListChangeV1, SignV1, TagV1, UntagV1
from tests.support import received, sample


def test_bodhi_tags_a_build_into_testing():
    message = sample(TagV1, "bodhi-f41-updates-testing")
    assert message.summary == "python-requests-2.32.3-1.fc41 was tagged into f41-updates-testing by bodhi"
    assert message.agent_name == "bodhi"
    assert message.usernames == ["bodhi", "churchyard"]
    assert message.packages == ["python-requests"]
    assert message.url == "https://koji.fedoraproject.org/koji/buildinfo?buildID=2566120"
    assert message.severity == DEBUG
    assert "Tag:      f41-updates-testing" in str(message)


def test_untag():
    message = sample(UntagV1, "bodhi-f41-updates-testing-pending")
    assert message.summary == (
        "python-requests-2.32.3-1.fc41 was untagged from f41-updates-testing-pending by bodhi"
    )


def test_tag_messages_carry_upstream_priorities():
    """Mass rebuild tags 0, ELN tags 1, the rest 2 (https://pagure.io/fedora-infrastructure/issue/10899)."""
    assert sample(TagV1, "mass-rebuild-f42-rebuild").priority == 0
    assert sample(UntagV1, "eln-obsolete-build").priority == 1
    assert sample(TagV1, "bodhi-f41-updates-testing").priority == 2
    for tag, priority in [("f42-rebuild", 0), ("eln", 1), ("eln-build", 1), ("f42", 2), (None, 2)]:
        message = TagV1(body={"tag": tag})
        assert message.priority == priority, tag
        assert message._headers["priority"] == priority
    assert TagV1(body={"tag": "f41-rebuild"}).is_mass_rebuild and TagV1(body={"tag": "eln"}).is_eln


def test_a_received_tag_message_keeps_its_priority():
    message = TagV1(body={"tag": "f42-rebuild"}, properties=pika.BasicProperties(priority=5, headers={}))
    assert message.priority == 5


def test_tag_page_when_the_body_lacks_the_build():
    """Tag names come from users (side tags); they are quoted in the URL."""
    assert TagV1(body={"tag": "f41 side#1/x", "instance": "primary"}).url == (
        "https://koji.fedoraproject.org/koji/taginfo?tagID=f41%20side%231%2Fx"
    )
    assert TagV1(body={"tag": "f41", "tag_id": 63112}).url.endswith("/koji/taginfo?tagID=63112")
    assert TagV1(body={}).summary == "A build was tagged into a tag"


def test_plain_koji_messages_become_typed_with_the_priority_they_came_with():
    plain = received(TagV1, samples.get(TagV1, "mass-rebuild-f42-rebuild").body)
    assert plain.topic == "org.fedoraproject.prod.buildsys.tag"
    typed = as_typed(plain)
    assert isinstance(typed, TagV1)
    assert typed.priority == plain.priority


def test_repositories():
    assert sample(InitV1, "f42-build").summary == "Koji started generating repo 6412399 of f42-build"
    done = sample(DoneV1, "eln-build")
    assert done.summary == "Repo 6412405 of eln-build is ready"
    assert done.url == "https://koji.fedoraproject.org/koji/taginfo?tagID=44289"
    assert done.usernames == [] and done.packages == [] and done.agent_name is None
    assert DoneV1(body={"instance": "arm"}).summary == "A new repo of a tag is ready on the arm Koji hub"


def test_package_list_changes():
    added = sample(ListChangeV1, "new-package-added-to-rawhide")
    assert added.summary == "python-uv-build was added to the package list of f42 (owner: churchyard)"
    assert added.usernames == ["churchyard"] and added.agent_name is None  # who did it is not sent
    assert added.url == "https://koji.fedoraproject.org/koji/taginfo?tagID=f42"
    assert sample(ListChangeV1, "retired-package-blocked").summary == "python-nose was blocked in f42"
    assert sample(ListChangeV1, "package-unblocked-in-epel10").summary == "htop was unblocked in epel10.0"
    assert ListChangeV1(body={"tag": "f40", "package": "foo", "action": "remove"}).summary == (
        "foo was removed from the package list of f40"
    )
    assert ListChangeV1(
        body={"tag": "f40", "package": "foo", "action": "update", "owner": "bar"}
    ).summary == ("the entry of foo in the package list of f40 was updated (owner: bar)".capitalize())
    assert ListChangeV1(body={"tag": "f17", "package": "almanah"}).summary == (
        "The package list of f17 changed for almanah"
    )


def test_rpm_signed():
    message = sample(SignV1, "erlang-ssl-ppc64le-f39-key")
    assert message.summary == "erlang-ssl-26.0.1-1.fc39.ppc64le was signed with key 18b8e74c"
    assert message.packages == ["erlang"]  # the build's package, not the subpackage
    assert message.usernames == ["peter"] and message.agent_name is None
    assert message.url == "https://koji.fedoraproject.org/koji/buildinfo?buildID=2211158"
    assert message.severity == DEBUG


def test_koji_1_10_signature_body():
    message = SignV1(
        body={
            "info": {
                "build_id": 607658,
                "name": "gstreamer1-plugins-base-devel",
                "sigkey": "ab845621",
                "version": "1.4.5",
                "arch": "i686",
                "release": "1.fc21",
            },
            "attribute": "sighash",
            "old": None,
            "new": "8f84058e6bbcae89701271e8b0c43d1d",
            "instance": "primary",
        }
    )
    assert message.validate() is None
    assert message.summary == "gstreamer1-plugins-base-devel-1.4.5-1.fc21.i686 was signed with key ab845621"
    assert message.url == "https://koji.fedoraproject.org/koji/buildinfo?buildID=607658"
