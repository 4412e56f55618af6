"""The topic table, the classes made from it, the entry points and the topic schema sources agree."""

from __future__ import annotations

import importlib.util
from importlib import metadata
from pathlib import Path

import pytest

import fedora_bus_schemas_ci
from fedora_bus_schemas_ci import ARTIFACT_CLASSES, ARTIFACTS, TOPIC_CLASSES, TOPICS
from fedora_bus_schemas_ci.topics import STATES

GENERATOR = Path(__file__).resolve().parents[1] / "generate_topic_sources.py"


def test_every_topic_of_the_table_is_registered_and_nothing_else():
    entry_points = {
        point.name: point.value
        for point in metadata.distribution("fedora-bus-schemas-ci").entry_points
        if point.group == "fedora.messages"
    }
    assert entry_points == {
        topic.schema_name: f"fedora_bus_schemas_ci.messages:{topic.class_name}" for topic in TOPICS
    }


@pytest.mark.parametrize("topic", TOPICS, ids=[topic.schema_name for topic in TOPICS])
def test_topic_class(topic):
    cls = TOPIC_CLASSES[topic.class_name]
    assert getattr(fedora_bus_schemas_ci, topic.class_name) is cls
    assert cls.__name__ == cls.__qualname__ == topic.class_name
    assert cls.__module__ == "fedora_bus_schemas_ci.messages"
    assert (cls.schema_name, cls.topic) == (topic.schema_name, topic.topic)
    assert cls.topic_prefix == topic.artifact.topic_prefix
    assert issubclass(cls, ARTIFACT_CLASSES[topic.artifact.definition])
    assert cls.body_schema["title"] == topic.topic


def test_the_table():
    assert len(TOPICS) == 52
    assert len({topic.topic for topic in TOPICS}) == len(TOPICS)
    assert {artifact.definition for artifact in ARTIFACTS} == set(ARTIFACT_CLASSES)
    assert [topic.state for topic in TOPICS[:4]] == list(STATES)
    fedora = {topic.topic for topic in TOPICS if topic.artifact.topic_prefix != "VirtualTopic.eng."}
    assert "ci.koji-build.test.running" in fedora and "ci.dist-git-pr.test.complete" in fedora


def test_topic_sources_are_current():
    """``schema_sources/ci.*.json`` are what ``generate_topic_sources.py`` makes of the table."""
    if not GENERATOR.is_file():
        pytest.skip("not run from a repository checkout")
    spec = importlib.util.spec_from_file_location("generate_topic_sources", GENERATOR)
    assert spec and spec.loader
    generator = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generator)
    assert generator.main(["--check"]) == 0, "run: python ci_messages/generate_topic_sources.py"
