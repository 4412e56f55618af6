"""Every body an upstream schema package's own tests validate, our class of the same name accepts.

``tests/data/upstream/<dist>-<version>.jsonl`` holds the bodies that the test suites of the
upstream schema packages (bodhi-messages, pagure-messages, anitya-schema,
koji-fedoramessaging-messages, the-new-hotness schema) validated, and the fixtures they ship
(provenance in the README and the ``.md`` files next to them). A consumer switching from those
packages to ours must not lose any of these messages, including through keys upstream never
declared, which bodies generated from upstream's schemas cannot reach.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from fedora_bus_schemas_core import registry

from .test_properties import check_properties

UPSTREAM = Path(__file__).with_name("data") / "upstream"


def upstream_records() -> list[dict[str, Any]]:
    """Every record of every upstream file, with ``where`` (file:line) added for messages."""
    records = []
    for path in sorted(UPSTREAM.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            record = json.loads(line)
            record["where"] = f"{path.name}:{number}"
            records.append(record)
    return records


RECORDS = upstream_records()
INSTALLED = [record for record in RECORDS if record["schema_name"] in registry.registered()]


def test_upstream_data_is_well_formed():
    """Each record names its schema, topic and source; (schema name, body) pairs are unique."""
    assert RECORDS, f"no upstream bodies found in {UPSTREAM}"
    seen = set()
    for record in RECORDS:
        assert set(record) == {"schema_name", "topic", "body", "source", "where"}, record["where"]
        assert isinstance(record["body"], dict), record["where"]
        assert "::" in record["source"], record["where"]
        key = (record["schema_name"], json.dumps(record["body"], sort_keys=True))
        assert key not in seen, f"{record['where']} repeats an earlier body"
        seen.add(key)


@pytest.mark.parametrize("record", INSTALLED, ids=[f"{r['schema_name']}@{r['where']}" for r in INSTALLED])
def test_our_class_accepts_what_upstream_accepts(record):
    message = registry.registered()[record["schema_name"]].cls(body=record["body"])
    message.validate()


@pytest.mark.parametrize("record", INSTALLED, ids=[f"{r['schema_name']}@{r['where']}" for r in INSTALLED])
def test_properties_on_upstream_bodies(record):
    check_properties(registry.registered()[record["schema_name"]].cls, record["body"])
