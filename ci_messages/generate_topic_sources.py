"""Write ``schema_sources/<schema name>.json`` for every topic of ``fedora_bus_schemas_ci.topics``.

The topic schemas of the CI Messages spec differ only in their artifact, their event and their
state; their parts are the definitions in ``schema_sources/definitions/``. This script composes
them, so the topic table stays the one list of topics. Run it after changing the table, then
``fedora-bus-schemas bundle`` from the repository root::

    python ci_messages/generate_topic_sources.py

``--check`` changes nothing and exits 1 when a source is missing, stale or left over.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

HERE = Path(__file__).resolve().parent
SOURCES = HERE / "schema_sources"


def _load_topics() -> ModuleType:
    """The topic table, read from the package source without importing the package (or the core)."""
    path = HERE / "src" / "fedora_bus_schemas_ci" / "topics.py"
    spec = importlib.util.spec_from_file_location("_ci_topics", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # NamedTuple classes look their module up
    spec.loader.exec_module(module)
    return module


_topics = _load_topics()
TOPICS = _topics.TOPICS
Topic = _topics.Topic

ID_PREFIX = "https://fedora-bus-schemas.readthedocs.io/en/latest/schemas/ci/"

#: Plain top-level keys every topic declares.
GENERATED_AT = {
    "description": "When the message was generated. Producers use several styles: "
    "`2024-11-05T10:31:07Z`, `2024-11-05T10:31:07.123456Z`, `2024-11-05T10:31:07.123+00:00` and "
    "(spec 0.2.x examples) `2018-05-10 08:58:31.222602`, so no format is asserted.",
    "type": "string",
}
VERSION = {
    "description": "The release of the CI Messages spec the message follows: `0.2.x` (openQA, "
    "older pipelines) or `1.x` (Fedora CI's Jenkins pipelines, e.g. `1.1.14`).",
    "type": "string",
}
NOTE = {"description": "Free-form note about the message.", "type": "string"}
THREAD_ID = {
    "description": "Identifier that ties the messages of one run together, where a producer sends it "
    "instead of a pipeline id.",
    "type": "string",
}
SYSTEM = {
    "description": "The systems the test ran on: a list (Jenkins sends an empty one); openQA sent "
    "a single object in 2019.",
    "type": ["array", "object"],
    "anyOf": [
        {"type": "array", "items": {"$ref": "definitions/system.json"}},
        {"$ref": "definitions/system.json"},
    ],
}


def reference(description: str, definition: str, *extra: dict[str, Any]) -> dict[str, Any]:
    """A property whose value is one of the package's definitions (plus constraints)."""
    members = [{"$ref": f"definitions/{definition}.json"}, *extra]
    return {"description": description, "type": "object", "allOf": members}


def required(topic: Topic) -> list[str]:
    """What every producer of the topic sends, in both generations of the spec."""
    if topic.event != "test":
        return ["contact", "artifact", "generated_at", "version"]
    errors = ["error"] if topic.state == "error" else []
    return ["contact", "artifact", "run", "pipeline", "test", *errors, "generated_at", "version"]


def test(topic: Topic) -> dict[str, Any]:
    """The test block: a ``complete`` message must say the result."""
    if topic.state == "complete":
        return reference("The test and its result.", "test", {"required": ["result"]})
    return reference("The test the run performs.", "test")


def properties(topic: Topic) -> dict[str, Any]:
    result: dict[str, Any] = {
        "contact": reference("Who runs the CI system that sent the message.", "contact"),
        "artifact": reference(f"The artifact: {topic.artifact.noun}.", topic.artifact.definition),
        "run": reference("The run of the CI job: its page and logs.", "run"),
        "pipeline": reference("The pipeline the run belongs to.", "pipeline"),
    }
    if topic.event == "test":
        result["test"] = test(topic)
    if topic.state == "error":
        result["error"] = reference("Why the run was aborted.", "error")
    if topic.artifact.name == "productmd-compose" and topic.event == "test":
        result["image"] = reference("openQA: the image of the compose that was tested.", "image")
    result.update(
        system=SYSTEM,
        notification=reference("Who should be notified about the result.", "notification"),
        generated_at=GENERATED_AT,
        version=VERSION,
        note=NOTE,
        thread_id=THREAD_ID,
    )
    return result


def source(topic: Topic) -> dict[str, Any]:
    description = (
        f"{topic.description} Published by {topic.artifact.publishers}. Messages of both "
        "generations of the spec (0.2.x and 1.x) validate: only what every producer sends is required."
    )
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "$id": f"{ID_PREFIX}{topic.schema_name}.json",
        "title": topic.topic,
        "description": description,
        "type": "object",
        "required": required(topic),
        "properties": properties(topic),
    }


def expected() -> dict[Path, str]:
    return {
        SOURCES / f"{topic.schema_name}.json": json.dumps(source(topic), indent=2, ensure_ascii=False) + "\n"
        for topic in TOPICS
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report stale sources, change nothing")
    check = parser.parse_args(argv).check
    wanted = expected()
    present = set(SOURCES.glob("ci.*.json"))
    changed = [path for path, text in wanted.items() if not path.is_file() or path.read_text("utf-8") != text]
    stale = sorted([*changed, *(present - set(wanted))])
    if check:
        for path in stale:
            print(f"stale: {path.relative_to(HERE)}", file=sys.stderr)
        return 1 if stale else 0
    for path in present - set(wanted):
        path.unlink()
    for path, text in wanted.items():
        path.write_text(text, encoding="utf-8")
    print(f"wrote {len(wanted)} topic sources to {SOURCES.relative_to(HERE.parent)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
