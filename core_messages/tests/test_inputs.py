"""Reading JSON, JSON arrays and JSON Lines, with one clear error per bad record, as a stream."""

from __future__ import annotations

import io
import json

import pytest

from fedora_bus_schemas_core import inputs
from fedora_bus_schemas_core.inputs import InputError, Record, loads, read_records


def records(path):
    return list(read_records(str(path)))


def test_single_document_array_and_lines(tmp_path):
    (tmp_path / "one.json").write_text('{"a": 1}')
    (tmp_path / "many.json").write_text('[{"a": 1}, 2]')
    (tmp_path / "lines.json").write_text('{"a": 1}\n\n{"b": 2}\n')
    (tmp_path / "pretty.json").write_text('\n[\n  {"a": 1},\n  {"b": 2}\n]\n')
    assert records(tmp_path / "one.json") == [Record(f"{tmp_path}/one.json", {"a": 1})]
    assert [record.location for record in records(tmp_path / "many.json")] == [
        f"{tmp_path}/many.json[0]",
        f"{tmp_path}/many.json[1]",
    ]
    assert [(record.location, record.value) for record in records(tmp_path / "lines.json")] == [
        (f"{tmp_path}/lines.json:1", {"a": 1}),
        (f"{tmp_path}/lines.json:3", {"b": 2}),
    ]
    assert [record.value for record in records(tmp_path / "pretty.json")] == [{"a": 1}, {"b": 2}]


def test_bad_lines_are_errors_and_reading_goes_on(tmp_path):
    (tmp_path / "x.jsonl").write_text('{"a": 1}\n{oops\n[1]\n')
    found = records(tmp_path / "x.jsonl")
    assert found[0].value == {"a": 1}
    assert found[1].error.startswith("invalid JSON: Expecting property name")
    assert found[1].location.endswith(":2")
    assert found[2].value == [1]


def test_a_json_lines_file_is_read_whole_lines_only(tmp_path):
    """A JSON string may hold U+2028 or U+0085 raw: only newlines separate records."""
    (tmp_path / "x.jsonl").write_text('{"a": "one\u2028two\x85three"}\n', encoding="utf-8")
    assert [record.value for record in records(tmp_path / "x.jsonl")] == [{"a": "one\u2028two\x85three"}]


def test_unreadable_sources(tmp_path, monkeypatch):
    (tmp_path / "bad.json").write_text('{"a": ')
    (tmp_path / "binary.json").write_bytes(b"\xff\xfe")
    assert "invalid JSON" in next(read_records(str(tmp_path / "bad.json"))).error
    assert next(read_records(str(tmp_path / "binary.json"))).error.startswith("invalid UTF-8: byte 0xff")
    assert "No such file" in next(read_records(str(tmp_path / "nope.json"))).error
    assert records(tmp_path) == [Record(str(tmp_path), error="cannot read input: Is a directory")]
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b'{"a": 1}')))
    assert list(read_records("-")) == [Record("<stdin>", {"a": 1})]


def test_empty_inputs_are_one_error(tmp_path):
    for name, content in [("empty.jsonl", ""), ("empty.json", ""), ("blank.json", "\n  \n\t\n")]:
        (tmp_path / name).write_text(content)
        assert records(tmp_path / name) == [Record(str(tmp_path / name), error="empty input: no JSON in it")]


# Each malformed line, and what its error says. Every one is followed by a good line.
MALFORMED = {
    "deep nesting": (b"[" * 100_000 + b"]" * 100_000, "invalid JSON: nested too deeply to be read"),
    "deep objects": (
        b'{"a":' * 100_000 + b"1" + b"}" * 100_000,
        "invalid JSON: nested too deeply to be read",
    ),
    "invalid UTF-8": (b'{"a": "caf\xe9"}', "invalid UTF-8: byte 0xe9 at byte 11 (invalid continuation byte)"),
    "NaN": (b'{"a": NaN}', "invalid JSON: NaN is not a JSON number"),
    "Infinity": (b'{"a": [1, Infinity]}', "invalid JSON: Infinity is not a JSON number"),
    "-Infinity": (b'{"a": -Infinity}', "invalid JSON: -Infinity is not a JSON number"),
    "huge float": (b'{"a": 1e400}', "invalid JSON: the number 1e400 is too large for a double"),
    "huge integer": (
        b'{"a": 18446744073709551616}',
        "invalid JSON: the integer 18446744073709551616 is outside the 64-bit range",
    ),
    "negative integer": (
        b'{"a": -9223372036854775809}',
        "invalid JSON: the integer -9223372036854775809 is outside the 64-bit range",
    ),
    "5000 digits": (
        b'{"a": ' + b"7" * 5000 + b"}",
        "invalid JSON: the integer 777777777777...777777 (5000 digits) is outside the 64-bit range",
    ),
    "duplicate key": (b'{"a": 1, "b": 2, "a": 3}', "invalid JSON: duplicate key 'a' in an object"),
    "nested duplicate": (b'{"x": [{"k": {"a": 1, "a": 1}}]}', "invalid JSON: duplicate key 'a' in an object"),
    # An escaped colon adds one to the re-encoded value's colons, a duplicate removes one.
    "duplicate hidden by an escape": (
        b'{"a": 1, "a": 2, "s": "\\u003a"}',
        "invalid JSON: duplicate key 'a' in an object",
    ),
    "bad syntax": (b'{"a": 1,}', "invalid JSON: Expecting property name enclosed in double quotes"),
}


@pytest.mark.parametrize("line, message", MALFORMED.values(), ids=MALFORMED.keys())
def test_every_malformed_line_is_one_clear_error(tmp_path, line, message):
    path = tmp_path / "input.jsonl"
    path.write_bytes(line + b'\n{"good": true}\n')
    found = records(path)
    assert [record.location for record in found] == [f"{path}:1", f"{path}:2"]
    assert found[0].error.startswith(message), found[0].error
    assert found[1] == Record(f"{path}:2", {"good": True}), "the run goes on to the next record"


@pytest.mark.parametrize("line, message", MALFORMED.values(), ids=MALFORMED.keys())
def test_a_malformed_document_is_one_clear_error(tmp_path, line, message):
    path = tmp_path / "input.json"
    path.write_bytes(line)
    [record] = records(path)
    assert record.location == str(path)
    assert record.error.startswith(message), record.error


def test_a_truncated_last_line(tmp_path):
    path = tmp_path / "cut.jsonl"
    path.write_bytes(b'{"a": 1}\n{"topic": "x", "body": {"a": [1, ')
    found = records(path)
    assert found[0].value == {"a": 1}
    assert found[1].location == f"{path}:2"
    assert found[1].error == (
        "invalid JSON: Expecting value at line 1, column 34"
        " (the text ends before the JSON value does: truncated?)"
    )


def test_an_overlong_line_is_skipped_without_being_kept(tmp_path, monkeypatch):
    monkeypatch.setattr(inputs, "MAX_LINE_BYTES", 64)
    path = tmp_path / "long.jsonl"
    path.write_bytes(b'{"a": 1}\n{"a": "' + b"x" * 1000 + b'"}\n{"b": 2}\n')
    assert records(path) == [
        Record(f"{path}:1", {"a": 1}),
        Record(f"{path}:2", error="line longer than 64 bytes"),
        Record(f"{path}:3", {"b": 2}),
    ]


VALID_TEXTS = [
    b'{"a": 1, "b": [true, false, null], "c": {"d": "e"}}',
    b'{"n": [0, -0, 1.5, -2.5e-3, 1E2, 9223372036854775807, -9223372036854775808, 18446744073709551615]}',
    b'{"s": "caf\xc3\xa9 \\u00e9 \\ud83d\\ude00 \\" \\\\ \\/ \\n", "t": "a:b", "\\u003a": ":"}',
    b'{"big float": 1.7976931348623157e308, "tiny": 5e-324, "under": 1e-400}',
    b'["digits in a string 12345678901234567890", 1234567890123456789]',
    b" \t[\r\n1 ]\r\n",
]


@pytest.mark.parametrize("text", VALID_TEXTS)
def test_valid_json_reads_as_json_loads_reads_it(text):
    value = loads(text)
    assert value == json.loads(text.decode("utf-8"))
    assert json.dumps(value) == json.dumps(json.loads(text.decode("utf-8"))), "same types too"


def test_loads_without_orjson_is_the_same(monkeypatch):
    monkeypatch.setattr(inputs, "orjson", None)
    for text in VALID_TEXTS:
        assert loads(text) == json.loads(text.decode("utf-8"))
    for line, message in MALFORMED.values():
        with pytest.raises(InputError) as raised:
            loads(line)
        assert str(raised.value).startswith(message)


class CountingReader(io.RawIOBase):
    """A raw stream of ``lines`` repeated ``times`` that records how many bytes were asked of it."""

    def __init__(self, line: bytes, times: int) -> None:
        self.remaining = times
        self.line = line
        self.served = 0
        self.pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while len(self.pending) < len(buffer) and self.remaining:
            self.pending += self.line
            self.remaining -= 1
        chunk, self.pending = self.pending[: len(buffer)], self.pending[len(buffer) :]
        buffer[: len(chunk)] = chunk
        self.served += len(chunk)
        return len(chunk)


def test_standard_input_is_read_as_a_stream(monkeypatch):
    line = b'{"topic": "t", "body": {"text": "' + b"x" * 1000 + b'"}}\n'
    reader = CountingReader(line, times=100_000)  # 100 MB in all
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BufferedReader(reader)))
    stream = read_records("-")
    for _ in range(3):
        assert next(stream).value["topic"] == "t"
    assert reader.served < 100 * len(line), "only what the first records need was read"
    assert sum(1 for _ in stream) == 100_000 - 3


def test_a_line_cut_inside_a_string_is_called_truncated(tmp_path):
    path = tmp_path / "cut.jsonl"
    path.write_bytes(b'{"topic": "x", "body": {"summary": "half a sent')
    [record] = records(path)
    assert record.error == (
        "invalid JSON: Unterminated string starting at at line 1, column 36"
        " (the text ends before the JSON value does: truncated?)"
    )
