"""Properties never raise and always return sensible values, whatever the JSON object body."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from hypothesis import given

from fedora_bus_schemas_core.message import SchemaMessage

from .conftest import REPO
from .strategies import any_object

CORPUS = REPO / "tests" / "data" / "historical"
NAME_LISTS = ("usernames", "groups", "packages", "containers", "modules", "flatpaks")


def check_properties(cls: type[SchemaMessage], body: dict[str, Any]) -> None:
    message = cls(body=body)  # building the headers evaluates the filter properties already
    summary = message.summary
    assert isinstance(summary, str) and summary.strip(), "empty summary"
    assert "\n" not in summary, "a summary is one line"
    assert summary == summary.strip()
    text = str(message)
    assert isinstance(text, str) and text.startswith(summary)
    for name in NAME_LISTS:
        values = getattr(message, name)
        assert isinstance(values, list), name
        assert all(isinstance(value, str) and value for value in values), (name, values)
        assert values == sorted(set(values)), f"{name} must be sorted and unique: {values}"
        assert all(value != "None" for value in values), name
    url = message.url
    assert url is None or (isinstance(url, str) and url.startswith("https://")), url
    agent = message.agent_name
    assert agent is None or (isinstance(agent, str) and agent), agent
    avatar = message.agent_avatar
    assert avatar is None or avatar.startswith("https://"), avatar
    assert isinstance(message.app_name, str) and isinstance(message.app_icon, str)


@given(body=any_object)
def test_properties_on_any_object(schema, body):
    check_properties(schema.cls, body)


def test_properties_on_samples(sample):
    check_properties(sample.cls, sample.body)


def corpus_bodies() -> Iterator[tuple[str, dict[str, Any]]]:
    for path in sorted(CORPUS.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            record = json.loads(line)
            if isinstance(record.get("body"), dict):
                yield f"{path.name}:{number}", record["body"]


def test_properties_on_the_historical_corpus(schema):
    """Old-format bodies of every app, through every class: fedmsg-era shapes must not crash."""
    bodies = list(corpus_bodies())
    assert bodies, f"historical corpus not found at {CORPUS}"
    for location, body in bodies:
        try:
            check_properties(schema.cls, body)
        except Exception as error:
            raise AssertionError(f"{schema.name} on {location}: {error!r}") from error
