"""What Pungi's compose messages say about themselves, for current and fedmsg-era bodies."""

from __future__ import annotations

import jsonschema
import pytest

from fedora_bus_schemas_core import as_typed, samples
from fedora_bus_schemas_pungi import (
    CreateisoImageDoneV1,
    CreateisoImageFailV1,
    CreateisoTargetsV1,
    FailToStartV1,
    OsbsRequestPushV1,
    OstreeV1,
    PhaseStartV1,
    PhaseStopV1,
    StatusChangeV1,
)
from fedora_bus_schemas_pungi.base import public_url
from tests.support import fact, received, sample

CLASSES = (
    StatusChangeV1,
    PhaseStartV1,
    PhaseStopV1,
    CreateisoTargetsV1,
    CreateisoImageDoneV1,
    CreateisoImageFailV1,
    OstreeV1,
    OsbsRequestPushV1,
    FailToStartV1,
)
RAWHIDE = "https://kojipkgs.fedoraproject.org/compose/rawhide/Fedora-Rawhide-20241105.n.0/compose"


def test_status_summaries_a_release_engineer_reads():
    finished = sample(StatusChangeV1, "rawhide-nightly-finished-incomplete")
    assert finished.summary == "Fedora-Rawhide-20241105.n.0 finished incomplete"
    assert finished.url == RAWHIDE
    assert finished.usernames == [] and finished.agent_name is None and finished.packages == []
    assert sample(StatusChangeV1, "iot-41-doomed").summary == "Fedora-IoT-41-20241105.0 failed (DOOMED)"
    assert (
        sample(StatusChangeV1, "f40-final-rc-1.14-finished").summary
        == "Fedora-40-20240414.0 (RC-1.14) finished"
    )
    assert fact(finished, "Type") == "nightly"
    assert fact(finished, "Release") == "Fedora Rawhide"
    assert fact(finished, "Respin") == "0"


def test_status_is_a_closed_set():
    body = dict(samples.get(StatusChangeV1, "rawhide-nightly-started").body, status="PAUSED")
    with pytest.raises(jsonschema.ValidationError):
        StatusChangeV1(body=body).validate()
    assert StatusChangeV1(body=body).summary == "Fedora-Rawhide-20241105.n.0 changed status to PAUSED"


def test_fedmsg_era_three_key_bodies():
    old = sample(StatusChangeV1, "fedmsg-2015-terminated")
    assert set(old.body) == {"compose_id", "location", "status"}
    assert old.summary == "Fedora-24-20151208.n.7 was terminated"
    assert old.url == "https://kojipkgs.fedoraproject.org/compose/rawhide/Fedora-24-20151208.n.7/compose"


def test_phases_and_images():
    assert sample(PhaseStartV1, "rawhide-createiso").summary == (
        "Fedora-Rawhide-20241105.n.0 started the createiso phase"
    )
    assert (
        sample(PhaseStopV1, "rawhide-kiwibuild").summary
        == "Fedora-Rawhide-20241105.n.0 finished the kiwibuild phase"
    )
    targets = sample(CreateisoTargetsV1, "rawhide-server-and-everything")
    assert targets.summary == "Fedora-Rawhide-20241105.n.0 is creating 8 ISO images"
    assert "Fedora-Server-dvd-x86_64-Rawhide-20241105.n.0.iso" in fact(targets, "Images")
    assert sample(CreateisoTargetsV1, "branched-no-images").summary == (
        "Fedora-41-20240820.n.0 has no ISO images to create"
    )
    done = sample(CreateisoImageDoneV1, "rawhide-server-dvd-x86_64")
    assert done.summary == (
        "Fedora-Rawhide-20241105.n.0 created the Server x86_64 ISO "
        "Fedora-Server-dvd-x86_64-Rawhide-20241105.n.0.iso"
    )
    assert done.url == RAWHIDE + "/Server/x86_64/iso/Fedora-Server-dvd-x86_64-Rawhide-20241105.n.0.iso"
    old = sample(CreateisoImageDoneV1, "fedmsg-2015-server-dvd-i386")
    assert old.url == (
        "https://kojipkgs.fedoraproject.org/compose/rawhide/Fedora-24-20151208.n.7/compose/Server/i386/iso/"
        "Fedora-24-20151208.n.7-Server-i386-dvd1.iso"
    )
    escaping = sample(CreateisoImageDoneV1, "rawhide-server-dvd-x86_64").body
    escaping["file"] = escaping["file"].replace("/Server/", "/Server/../../../")
    assert CreateisoImageDoneV1(body=escaping).url == RAWHIDE, "the compose, never a folder above it"
    escaping["file"] = escaping["file"].replace("/../../../", "/a b#?\ud800/")
    assert CreateisoImageDoneV1(body=escaping).url == (
        RAWHIDE + "/Server/a%20b%23%3F%3F/x86_64/iso/Fedora-Server-dvd-x86_64-Rawhide-20241105.n.0.iso"
    )
    failed = sample(CreateisoImageFailV1, "rawhide-server-dvd-ppc64le")
    assert failed.summary.startswith("Fedora-Rawhide-20241105.n.0 failed to create the Server ppc64le ISO ")
    assert failed.url == RAWHIDE, "a failed image is removed: the compose is linked"


def test_ostree_commits():
    commit = sample(OstreeV1, "rawhide-silverblue-x86_64")
    assert (
        commit.summary
        == "Fedora-Rawhide-20241105.n.0 committed 3c7b5a1e9f0d on fedora/rawhide/x86_64/silverblue"
    )
    assert fact(commit, "Repository") == "https://kojipkgs.fedoraproject.org/compose/ostree/repo/"
    assert sample(OstreeV1, "rawhide-kinoite-aarch64-no-new-commit").summary == (
        "Fedora-Rawhide-20241105.n.0 made no new commit on fedora/rawhide/aarch64/kinoite"
    )


def test_osbs_push_request():
    message = sample(OsbsRequestPushV1, "container-33-base-images")
    assert (
        message.summary
        == "Fedora-Container-33-20201103.0 asks for 2 container images to be pushed to the registries"
    )
    assert fact(message, "Images") == "fedora-coreos-pinger-33-20201103.0 and fedora-toolbox-33-20201103.0"


def test_fail_to_start_has_no_compose():
    message = sample(FailToStartV1, "config-validation-failed")
    assert message.summary == "A compose from fedora.conf failed to start: Config validation failed"
    assert message.url is None
    assert fact(message, "Errors") == (
        "Failed validation in kiwibuild.^Cloud$.0: 'kiwi_profile' is a required property"
    )
    assert fact(message, "Config") == "/usr/share/pungi-fedora/fedora.conf"
    assert sample(FailToStartV1, "compose-dir-is-a-file").body["target_dir"] is None


@pytest.mark.parametrize(
    ("location", "expected"),
    [
        (RAWHIDE, RAWHIDE),
        (
            "http://kojipkgs.fedoraproject.org/compose//rawhide/X/compose",
            "https://kojipkgs.fedoraproject.org/compose/rawhide/X/compose",
        ),
        ("https://example.org/composes/a b/é?#", "https://example.org/composes/a%20b/%C3%A9?#"),
        ("https://example.org/already%20escaped", "https://example.org/already%20escaped"),
        ("https://example.org/\ud800", "https://example.org/%3F"),
        ("/mnt/koji/compose/rawhide/X/compose", None),
        ("ftp://example.org/compose", None),
        ("https://", None),
    ],
)
def test_public_url(location, expected):
    assert public_url(location) == expected


@pytest.mark.parametrize("prefix", ["", "org.fedoraproject.prod.", "org.fedoraproject.stg."])
def test_plain_messages_become_typed(prefix):
    for cls in CLASSES:
        for found in samples.load(cls):
            typed = as_typed(received(cls, found.body, prefix))
            assert type(typed) is cls, (cls.topic, found.name)
            assert typed.summary == found.message().summary
