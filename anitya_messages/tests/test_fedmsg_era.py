"""fedmsg-era Anitya bodies (2013-2016) still read sensibly: agents as OpenID URLs or e-mail
addresses, version updates without a ``message`` object, flags with top-level mappings."""

from __future__ import annotations

import json
from pathlib import Path

from fedora_bus_schemas_anitya import DistroEdited, ProjectFlag, ProjectFlagSet, ProjectVersionUpdated
from fedora_bus_schemas_core import registry

CORPUS = Path(__file__).resolve().parents[2] / "tests" / "data" / "historical" / "anitya.jsonl"

PROJECT_2014 = {
    "regex": None,
    "name": "2ping",
    "created_on": 1412174944.0,
    "version": "2.1.1",
    "version_url": "http://www.finnie.org/software/2ping/",
    "updated_on": 1412179539.0,
    "homepage": "http://www.finnie.org/software/2ping/",
    "id": 2,
    "backend": "custom",
}


def test_openid_agent():
    message = DistroEdited(
        body={
            "project": None,
            "distro": {"name": "Debia"},
            "message": {"new": "Debian", "old": "Debia", "agent": "http://pingou.id.fedoraproject.org/"},
        }
    )
    assert message.summary == "pingou renamed the distribution Debia to Debian"
    assert message.agent_name == "pingou" and message.usernames == ["pingou"]


def test_fedoraproject_address_agent():
    message = ProjectFlagSet(
        body={
            "project": None,
            "distro": None,
            "message": {"flag": 184, "state": "closed", "agent": "pingou@fedoraproject.org"},
        }
    )
    assert message.summary == "pingou closed project flag 184"
    assert message.usernames == ["pingou"]


def test_version_update_without_message_object():
    message = ProjectVersionUpdated(
        body={
            "project": PROJECT_2014,
            "packages": [{"package_name": "2ping", "distro": "Fedora"}],
            "old_version": "2.1.0",
            "upstream_version": "2.1.1",
            "versions": ["2.1.1"],
        }
    )
    assert message.summary == "2ping 2.1.1 was found upstream"
    assert message.packages == ["2ping"]
    assert message.agent_name is None and message.usernames == []
    assert message.url == "https://release-monitoring.org/project/2/"


def test_odd_change_older_version():
    message = ProjectVersionUpdated(
        body={
            "project": PROJECT_2014,
            "message": {
                "versions": ["2.1.1"],
                "old_version": "2.1.1",
                "upstream_version": "2.1.0",
                "project": PROJECT_2014,
                "agent": "anitya",
                "odd_change": True,
                "packages": [],
            },
        }
    )
    assert message.summary == "2ping 2.1.0 was found upstream, older than the latest known version 2.1.1"


def test_flag_with_top_level_mappings():
    message = ProjectFlag(
        body={
            "project": {"name": "generic-colouriser", "id": 5777},
            "message": {
                "project": "generic-colouriser",
                "reason": "Duplicate.",
                "agent": "pingou@fedoraproject.org",
            },
            "distro": None,
            "packages": [{"package_name": "generic-colouriser", "distro": "Fedora"}],
        }
    )
    assert message.summary == "pingou flagged the project generic-colouriser: Duplicate."
    assert message.packages == ["generic-colouriser"]


def test_every_corpus_body_gets_a_summary_naming_its_subject():
    classes = registry.registered()
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        entry = classes.get(record["topic"])
        if entry is None:  # anitya.project.add.tried: no longer a topic
            continue
        message = entry.cls(body=record["body"])
        body = record["body"]
        subject = (body.get("project") or {}).get("name") or (body.get("distro") or {}).get("name")
        summary = message.summary
        assert not summary.startswith(("Someone", "A project", "New versions of a project")), summary
        if subject:
            assert subject in summary, (record["topic"], summary)
        assert message.url and message.url.startswith("https://release-monitoring.org/")
