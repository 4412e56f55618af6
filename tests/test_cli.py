"""The ``fedora-bus-schemas`` command on good and bad input."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from fedora_bus_schemas_core import samples

from .conftest import SAMPLES, SCHEMAS


def run(*args: str, stdin: str = "") -> tuple[int, str]:
    """Run the command in a subprocess, exactly as a user would."""
    done = subprocess.run(
        [sys.executable, "-m", "fedora_bus_schemas_core.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
    )
    return done.returncode, done.stdout + done.stderr


@pytest.fixture
def first():
    """The first sample whose schema requires a key at its top level (some schemas require
    everything through a shared definition in ``allOf``)."""
    return next(sample for sample in SAMPLES if sample.cls.body_schema.get("required"))


def test_no_input_validates_every_bundled_sample():
    code, out = run("validate")
    assert code == 0, out
    assert f"{len(SAMPLES)} messages: {len(SAMPLES)} valid, 0 invalid, 0 unreadable" in out


def test_topic_and_body_records_in_a_json_file(tmp_path, first):
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"topic": first.cls.topic, "body": first.body}))
    code, out = run("validate", str(path))
    assert code == 0, out
    assert f"VALID    {path}  [{first.schema_name}]" in out
    assert first.message().summary in out


def test_prefixed_topics_are_recognised(tmp_path, first):
    path = tmp_path / "prefixed.json"
    path.write_text(json.dumps([{"topic": "org.fedoraproject.prod." + first.cls.topic, "body": first.body}]))
    code, out = run("validate", str(path))
    assert code == 0, out
    assert f"{path}[0]" in out


def test_json_lines_with_every_kind_of_problem(tmp_path, first):
    broken = dict(first.body)
    required = first.cls.body_schema["required"][0]
    del broken[required]
    lines = [
        json.dumps({"topic": first.cls.topic, "body": first.body}),
        json.dumps({"topic": first.cls.topic, "body": broken}),
        '{"topic": "x", "body": ',
        json.dumps({"topic": "no.such.topic", "body": {}}),
        json.dumps({"topic": first.cls.topic, "body": [1, 2]}),
        json.dumps({"body": {}}),
        "",
        json.dumps({"topic": first.cls.topic, "body": first.body}),
    ]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n")
    code, out = run("validate", str(path))
    assert code == 1
    assert f"VALID    {path}:1" in out
    assert f"INVALID  {path}:2  [{first.schema_name}]" in out
    assert f"body $: '{required}' is a required property" in out
    assert f"ERROR    {path}:3" in out and "invalid JSON: Expecting value at line 1, column 24" in out
    assert f"ERROR    {path}:4" in out and "unknown topic 'no.such.topic'" in out
    assert f"ERROR    {path}:5" in out and "body must be a JSON object, not an array" in out
    assert f"ERROR    {path}:6" in out and "expected an object with 'topic' and 'body'" in out
    assert f"VALID    {path}:8" in out, "the run goes on after bad records"
    assert "7 messages: 2 valid, 1 invalid, 4 unreadable" in out


def test_error_names_the_json_path():
    """A string field given a number is reported at its JSON path."""
    for schema in SCHEMAS:
        body = json.loads(json.dumps(samples.load(schema.name)[0].body))
        properties = schema.cls.body_schema["properties"]
        key = next((key for key in body if properties.get(key, {}).get("type") == "string"), None)
        if key:
            break
    else:
        pytest.skip("no installed schema has a top-level string field")
    body[key] = 12
    code, out = run("validate", "--topic", schema.cls.topic, "-", stdin=json.dumps(body))
    assert code == 1
    assert f"body $.{key}: 12 is not of type 'string'" in out


def test_bare_bodies_from_stdin_with_topic(first):
    stdin = "\n".join(json.dumps(sample.body) for sample in samples.load(first.cls)) + "\n"
    code, out = run("validate", "--topic", first.cls.topic, "-", stdin=stdin)
    assert code == 0, out
    assert "<stdin>:1" in out


def test_fedora_messaging_serialized_messages(tmp_path, first):
    from fedora_messaging.message import dumps

    path = tmp_path / "recorded.jsonl"
    path.write_text(dumps([sample.message() for sample in SAMPLES]))
    code, out = run("validate", "--quiet", str(path))
    assert code == 0, out
    assert out.strip() == f"{len(SAMPLES)} messages: {len(SAMPLES)} valid, 0 invalid, 0 unreadable"


def test_invalid_headers_are_reported(tmp_path, first):
    record = {"topic": first.cls.topic, "body": first.body, "headers": {"fedora_messaging_severity": 12}}
    path = tmp_path / "headers.json"
    path.write_text(json.dumps(record))
    code, out = run("validate", str(path))
    assert code == 1
    assert "headers $.fedora_messaging_severity: 12 is not one of [10, 20, 30, 40]" in out


def test_missing_file_and_bad_json_file(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    code, out = run("validate", str(tmp_path / "missing.json"), str(bad))
    assert code == 1
    assert "cannot read input: No such file or directory" in out
    assert f"ERROR    {bad}" in out and "invalid JSON" in out
    assert "2 messages: 0 valid, 0 invalid, 2 unreadable" in out


def test_empty_input_fails(tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    code, out = run("validate", str(empty))
    assert code == 1 and "0 messages" in out


def test_list_shows_every_schema():
    code, text = run("list")
    assert code == 0
    for schema in SCHEMAS:
        assert schema.name in text and schema.cls.topic in text and schema.import_path in text
        assert f"{schema.distribution} {schema.version}" in text
    code, text = run("list", "--json")
    listed = json.loads(text)
    assert [row["schema_name"] for row in listed["schemas"]] == [schema.name for schema in SCHEMAS]
    assert listed["conflicts"] == {}


def test_usage_errors_exit_2():
    code, out = run("frobnicate")
    assert code == 2 and "invalid choice" in out
