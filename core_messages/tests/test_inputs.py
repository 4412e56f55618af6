"""Reading JSON, JSON arrays and JSON Lines, with one clear error per bad record."""

from __future__ import annotations

import io

from fedora_bus_schemas_core.inputs import Record, read_records


def test_single_document_array_and_lines(tmp_path):
    (tmp_path / "one.json").write_text('{"a": 1}')
    (tmp_path / "many.json").write_text('[{"a": 1}, 2]')
    (tmp_path / "lines.json").write_text('{"a": 1}\n\n{"b": 2}\n')
    assert list(read_records(str(tmp_path / "one.json"))) == [Record(f"{tmp_path}/one.json", {"a": 1})]
    assert [record.location for record in read_records(str(tmp_path / "many.json"))] == [
        f"{tmp_path}/many.json[0]",
        f"{tmp_path}/many.json[1]",
    ]
    assert [record.value for record in read_records(str(tmp_path / "lines.json"))] == [{"a": 1}, {"b": 2}]


def test_bad_lines_are_errors_and_reading_goes_on(tmp_path):
    (tmp_path / "x.jsonl").write_text('{"a": 1}\n{oops\n[1]\n')
    records = list(read_records(str(tmp_path / "x.jsonl")))
    assert records[0].value == {"a": 1}
    assert records[1].error.startswith("invalid JSON: Expecting property name") and records[
        1
    ].location.endswith(":2")
    assert records[2].value == [1]


def test_unreadable_sources(tmp_path, monkeypatch):
    (tmp_path / "bad.json").write_text('{"a": ')
    (tmp_path / "binary.json").write_bytes(b"\xff\xfe")
    assert "invalid JSON" in next(read_records(str(tmp_path / "bad.json"))).error
    assert "cannot read input" in next(read_records(str(tmp_path / "binary.json"))).error
    assert "No such file" in next(read_records(str(tmp_path / "nope.json"))).error
    monkeypatch.setattr("sys.stdin", io.StringIO('{"a": 1}'))
    assert list(read_records("-")) == [Record("<stdin>", {"a": 1})]
