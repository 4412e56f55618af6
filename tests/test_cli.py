"""The ``fedora-bus-schemas`` command on good and bad input."""

from __future__ import annotations

import functools
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
    assert code == 1
    assert f"ERROR    {empty}\n         empty input: no JSON in it" in out


def test_malformed_input_is_one_error_each_and_the_run_goes_on(tmp_path, first):
    good = json.dumps({"topic": first.cls.topic, "body": first.body}).encode()
    malformed = [
        (b"[" * 100_000 + b"]" * 100_000, "invalid JSON: nested too deeply to be read"),
        (b'{"topic": "t", "body": {"a": "caf\xe9"}}', "invalid UTF-8: byte 0xe9"),
        (b'{"topic": "t", "body": {"a": NaN}}', "invalid JSON: NaN is not a JSON number"),
        (b'{"topic": "t", "body": {"a": Infinity}}', "invalid JSON: Infinity is not a JSON number"),
        (b'{"topic": "t", "body": {"a": 1e999}}', "the number 1e999 is too large for a double"),
        (b'{"topic": "t", "body": {"a": 123456789012345678901234567890}}', "is outside the 64-bit range"),
        (b'{"topic": "t", "body": {"a": ' + b"9" * 5000 + b"}}", "(5000 digits) is outside the 64-bit range"),
        (b'{"topic": "t", "topic": "u", "body": {}}', "invalid JSON: duplicate key 'topic' in an object"),
    ]
    lines = [good]
    for line, _ in malformed:
        lines += [line, good]
    path = tmp_path / "bad.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n" + good[:-20])  # and a truncated last line
    empty, folder, missing = tmp_path / "empty.json", tmp_path / "folder", tmp_path / "missing.json"
    empty.write_text("")
    folder.mkdir()
    code, out = run("validate", "-q", str(path), str(empty), str(folder), str(missing), str(path))
    assert code == 1
    assert "Traceback" not in out
    for index, (_, message) in enumerate(malformed):
        number = 2 * index + 2
        assert f"ERROR    {path}:{number}\n         " in out
        assert message in out.split(f"ERROR    {path}:{number}\n")[1].splitlines()[0]
    assert f"ERROR    {path}:{len(lines) + 1}\n         invalid JSON: " in out
    assert "(the text ends before the JSON value does: truncated?)" in out
    assert f"ERROR    {empty}\n         empty input: no JSON in it" in out
    assert f"ERROR    {folder}\n         cannot read input: Is a directory" in out
    assert f"ERROR    {missing}\n         cannot read input: No such file or directory" in out
    unreadable = 2 * (len(malformed) + 1) + 3
    valid = 2 * (len(malformed) + 1)
    assert f"{valid + unreadable} messages: {valid} valid, 0 invalid, {unreadable} unreadable" in out


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


def _variants(sample):
    """Records of a sample as the command meets them: valid, broken body, headers good and bad."""
    cls, body = sample.cls, sample.body
    headers = sample.message()._headers
    yield {"topic": cls.topic, "body": body}
    yield {"topic": cls.topic_prefix + cls.topic, "body": body, "headers": headers}
    yield {"topic": cls.topic, "body": body, "headers": {**headers, "fedora_messaging_severity": 12}}
    for key, value in body.items():
        if isinstance(value, str):
            yield {"topic": cls.topic, "body": {**body, key: 12}}
            yield {"topic": cls.topic, "body": {**body, key: 12}, "headers": {"sent-at": 1}}
            break
    for key in cls.body_schema.get("required", [])[:1]:
        yield {"topic": cls.topic, "body": {k: v for k, v in body.items() if k != key}}


@functools.cache
def _pure_jsonschema(schema_text: str):
    """The validator ``jsonschema.validate`` builds for a schema, built once for the tests."""
    import jsonschema

    schema = json.loads(schema_text)
    return jsonschema.validators.validator_for(schema)(schema)


def _reference(record):
    """What the command said before the fast path: class by header or topic, then the four
    ``jsonschema.validate`` calls of fedora-messaging's ``Message.validate`` (headers, then body;
    the class's schema, then the base one; the schemas are known good, so not re-checked), and the
    summary of a message built from the record when it is valid."""
    import pika
    from fedora_messaging.message import Message
    from jsonschema.exceptions import best_match

    from fedora_bus_schemas_core import registry

    topic, body, headers = record["topic"], record["body"], record.get("headers")
    named = registry.registered().get((headers or {}).get("fedora_messaging_schema"))
    cls = named.cls if named else registry.class_for_topic(topic, body)
    if headers is None:
        headers = {"fedora_messaging_schema": cls.schema_name, "fedora_messaging_severity": cls.severity}
    for part, instance, schemas in [
        ("headers", headers, (cls.headers_schema, Message.headers_schema)),
        ("body", body, (cls.body_schema, Message.body_schema)),
    ]:
        for schema in schemas:
            error = best_match(_pure_jsonschema(json.dumps(schema)).iter_errors(instance))  # key order kept
            if error is not None:
                return "invalid", cls.schema_name, f"{part} {error.json_path}: {error.message}"
    message = cls(body=body, properties=pika.BasicProperties(headers=headers))
    return "valid", cls.schema_name, message.summary


def test_verdicts_and_errors_are_what_fedora_messaging_says():
    """Quiet or not, every verdict and error is the one building and validating the message gives."""
    from fedora_bus_schemas_core.checks import verdicts
    from fedora_bus_schemas_core.inputs import Record

    checked = 0
    for sample in SAMPLES:
        for record in _variants(sample):
            status, name, detail = _reference(record)
            [shown] = verdicts(Record("x", record))
            [quiet] = verdicts(Record("x", record), summaries=False)
            assert (shown.status, shown.schema_name, shown.detail) == (status, name, detail), record
            assert (quiet.status, quiet.schema_name) == (status, name), record
            assert quiet.detail == ("" if status == "valid" else detail)
            checked += 1
    assert checked >= 4 * len(SAMPLES)


def test_quiet_validation_builds_no_message_for_valid_records(tmp_path, monkeypatch, capsys):
    """No Message, no headers, no summary for what is valid and not printed."""
    from fedora_messaging.message import Message, dumps

    from fedora_bus_schemas_core import cli

    path = tmp_path / "all.jsonl"
    path.write_text(
        "".join(json.dumps({"topic": sample.cls.topic, "body": sample.body}) + "\n" for sample in SAMPLES)
        + dumps([sample.message() for sample in SAMPLES])
    )

    def refuse(*args, **kwargs):
        raise AssertionError("a Message was built")

    monkeypatch.setattr(Message, "__init__", refuse)
    assert cli.main(["validate", "-q", str(path)]) == 0
    count = 2 * len(SAMPLES)
    assert capsys.readouterr().out == f"{count} messages: {count} valid, 0 invalid, 0 unreadable\n"


def _datagrepper_raw(sample, index: int, headers: object = "from the class") -> dict:
    """A message as datagrepper's /raw and /id answer with it (datanommer's as_dict)."""
    message = sample.message()
    return {
        "i": index,
        "msg_id": f"2024-{message.id}",
        "topic": sample.cls.topic_prefix + sample.cls.topic,
        "timestamp": 1730718000.0 + index,
        "certificate": None,
        "signature": None,
        "username": None,
        "crypto": None,
        "msg": sample.body,
        "headers": message._headers if headers == "from the class" else headers,
        "source_name": "datanommer",
        "source_version": "1.4.0",
        "users": sorted(message.usernames),
        "packages": sorted(message.packages),
    }


def _datagrepper_page(messages: list) -> dict:
    return {
        "raw_messages": messages,
        "total": len(messages),
        "pages": 1,
        "count": len(messages),
        "arguments": {},
    }


def test_a_datagrepper_raw_page_is_every_message_in_it(tmp_path, first):
    picked = SAMPLES[:: max(1, len(SAMPLES) // 5)][:5]
    messages = [_datagrepper_raw(sample, index) for index, sample in enumerate(picked)]
    messages.append(_datagrepper_raw(first, 90, headers=None))  # fedmsg era: no headers
    broken = _datagrepper_raw(first, 91)
    broken["msg"] = {
        key: value for key, value in first.body.items() if key != first.cls.body_schema["required"][0]
    }
    messages.append(broken)
    messages.append({"topic": "org.fedoraproject.prod.no.such.thing", "msg": {}, "msg_id": "2024-unknown"})
    path = tmp_path / "day.json"
    path.write_text(json.dumps(_datagrepper_page(messages)))
    code, out = run("validate", str(path))
    assert code == 1
    for index, sample in enumerate(picked):
        assert (
            f"VALID    {path} raw_messages[{index}] {messages[index]['msg_id']}  [{sample.schema_name}]"
            in out
        )
        assert sample.message().summary in out
    assert f"VALID    {path} raw_messages[{len(picked)}] 2024-" in out
    assert f"INVALID  {path} raw_messages[{len(picked) + 1}] {broken['msg_id']}  [{first.schema_name}]" in out
    assert f"ERROR    {path} raw_messages[{len(picked) + 2}] 2024-unknown\n" in out
    assert "unknown topic 'org.fedoraproject.prod.no.such.thing'" in out
    total = len(messages)
    assert f"{total} messages: {total - 2} valid, 1 invalid, 1 unreadable" in out


def test_datagrepper_v2_pages_single_answers_and_fedmsg_envelopes(tmp_path, first):
    """/v2/search pages (fedora-messaging's serialized shape) as JSON Lines, one page a line; a
    /id answer; a bare fedmsg {topic, msg}."""
    from fedora_messaging.message import dumps

    v2 = [json.loads(line) for line in dumps([sample.message() for sample in SAMPLES[:4]]).splitlines()]
    for message in v2:
        message["priority"] = 0
    pages = tmp_path / "pages.jsonl"
    pages.write_text(
        json.dumps(_datagrepper_page(v2[:2])) + "\n" + json.dumps(_datagrepper_page(v2[2:])) + "\n"
    )
    single = tmp_path / "one.json"
    single.write_text(json.dumps(_datagrepper_raw(first, 7)))
    fedmsg = tmp_path / "fedmsg.json"
    fedmsg.write_text(json.dumps({"topic": "org.fedoraproject.prod." + first.cls.topic, "msg": first.body}))
    code, out = run("validate", str(pages), str(single), str(fedmsg))
    assert code == 0, out
    assert f"VALID    {pages}:1 raw_messages[1] {v2[1]['id']}  [{SAMPLES[1].schema_name}]" in out
    assert f"VALID    {pages}:2 raw_messages[0] {v2[2]['id']}  [{SAMPLES[2].schema_name}]" in out
    assert f"VALID    {single}  [{first.schema_name}]" in out
    assert f"VALID    {fedmsg}  [{first.schema_name}]" in out
    assert "6 messages: 6 valid, 0 invalid, 0 unreadable" in out


def test_the_headers_schema_name_decides_the_class(tmp_path, first):
    """A message is validated against the class its headers name, whatever its topic says."""
    # Another installed topic, or (in an environment with one topic) one that nothing registers.
    other = next(
        (
            sample.cls.topic_prefix + sample.cls.topic
            for sample in SAMPLES
            if sample.cls.topic != first.cls.topic
        ),
        "org.fedoraproject.prod.nothing.registers.this",
    )
    record = _datagrepper_raw(first, 1)
    record["topic"] = other
    path = tmp_path / "named.json"
    path.write_text(json.dumps(record))
    code, out = run("validate", str(path))
    assert code == 0, out
    assert f"VALID    {path}  [{first.schema_name}]" in out
    record["headers"]["fedora_messaging_schema"] = "base.message"  # not ours: the topic decides
    path.write_text(json.dumps(record))
    code, out = run("validate", str(path))
    assert f"  [{first.schema_name}]" not in out


def test_a_page_without_a_list_of_messages(tmp_path):
    path = tmp_path / "page.json"
    path.write_text(json.dumps({"raw_messages": {"not": "a list"}, "pages": 1}))
    code, out = run("validate", str(path))
    assert code == 1
    assert f"ERROR    {path}\n         'raw_messages' must be an array, not an object" in out


def test_tap_says_why_it_cannot_start(tmp_path):
    code, out = run("tap", "--amqp-url", "amqp://guest:guest@127.0.0.1:1/%2F", "--timeout", "5")
    assert code == 2
    assert "fedora-bus-schemas tap: cannot connect to the broker:" in out and "Traceback" not in out
    conf = tmp_path / "bad.toml"
    conf.write_text("no_such_setting = 1\n")
    code, out = run("tap", "--conf", str(conf), "--timeout", "5")
    assert code == 2
    assert "Unknown configuration key 'no_such_setting'" in out and "Traceback" not in out
    code, out = run("tap", "--count", "0")
    assert code == 2 and "0 is not a positive number" in out
