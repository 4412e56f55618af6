"""Every message publishes whatever its names: headers AMQP cannot carry are left out, nothing else.

fedora-messaging makes one header per username, package, group... and AMQP limits a header key to
255 bytes (UTF-8) and all headers to one frame; the collection's classes leave out the headers that
do not fit (see ``fedora_bus_schemas_core.headers``) while their properties keep every name.
"""

from __future__ import annotations

import copy
import logging

import pytest

from fedora_bus_schemas_core import headers

from .broker import require_broker, round_trip
from .conftest import SAMPLES
from .long_names import FILLERS, NAME_PROPERTIES, lengthened, names, too_long

FILTER_PREFIX = "fedora_messaging_"
SCHEMA_HEADERS = {"fedora_messaging_schema", "fedora_messaging_schema_package", "fedora_messaging_severity"}


def _filter_headers(message) -> dict[str, object]:
    return {
        key: value
        for key, value in message._headers.items()
        if key.startswith(FILTER_PREFIX) and key not in SCHEMA_HEADERS
    }


@pytest.mark.parametrize("filler", FILLERS.values(), ids=FILLERS.keys())
def test_long_names_leave_out_their_headers_only(sample, filler, caplog):
    body = lengthened(sample.cls, sample.body, filler)
    if body is None:
        message = sample.message()
        assert not {name for name in names(message) if len(name) > 1}, "names but none could be lengthened"
        message._properties.encode()
        return
    sent = copy.deepcopy(body)
    with caplog.at_level(logging.WARNING, logger=headers.__name__):
        message = sample.cls(body=body)
    long_names = {name for name in names(message) if too_long(name)}
    assert long_names, "the lengthened body names nobody at full length"
    message.validate()
    message._properties.encode()  # what pika does on publish: raised ShortStringTooLong before
    assert message.body == sent
    kept = _filter_headers(message)
    assert all(len(key.encode()) <= headers.KEY_LIMIT for key in kept)
    assert not any(key.endswith(name) for key in kept for name in long_names)
    # Names that fit keep their header.
    for prop, kind in NAME_PROPERTIES.items():
        for name in getattr(message, prop):
            key = f"{FILTER_PREFIX}{kind}_{name}"
            assert (key in kept) == (len(key.encode()) <= headers.KEY_LIMIT)
    assert any("left out" in record.getMessage() for record in caplog.records)


def test_the_limit_counts_bytes_not_characters():
    fits = "k" * headers.KEY_LIMIT
    too_long_ascii = "k" * (headers.KEY_LIMIT + 1)
    too_long_utf8 = "é" * (headers.KEY_LIMIT // 2 + 1)  # fewer characters than the limit
    kept = headers.publishable({fits: True, too_long_ascii: True, too_long_utf8: True}, "t")
    assert kept == {fits: True}


def test_unencodable_names_are_left_out(caplog):
    lone_surrogate = "fedora_messaging_user_\ud800"  # json.loads('"\\ud800"') gives such strings
    with caplog.at_level(logging.WARNING, logger=headers.__name__):
        assert headers.publishable({lone_surrogate: True, "fedora_messaging_user_a": True}, "t") == {
            "fedora_messaging_user_a": True
        }
    assert "not valid UTF-8" in caplog.text


def test_thousands_of_names_stay_within_one_frame(caplog):
    many = {f"fedora_messaging_user_{index:06d}{'x' * 200}": True for index in range(2000)}
    with caplog.at_level(logging.WARNING, logger=headers.__name__):
        kept = headers.publishable(many, "t")
    assert 0 < len(kept) < len(many)
    assert list(kept) == list(many)[: len(kept)]
    assert sum(len(key) + 3 for key in kept) <= headers.TABLE_BUDGET
    assert len(caplog.records) == 1
    assert f"{len(many) - len(kept)} filter headers" in caplog.text


@pytest.mark.broker
def test_long_names_publish_through_rabbitmq(tmp_path, monkeypatch):
    """Every sample with its names lengthened, ASCII and not, plus one naming 5,000 people."""
    require_broker()
    sent = []
    for sample in SAMPLES:
        for filler in FILLERS.values():
            body = lengthened(sample.cls, sample.body, filler)
            if body is not None:
                sent.append(sample.cls(body=body))
    crowd_class = SAMPLES[0].cls
    crowd = [f"user{index}-{'x' * 60}" for index in range(5000)]
    monkeypatch.setattr(crowd_class, "usernames", property(lambda self: crowd))
    crowded = SAMPLES[0].message()
    monkeypatch.undo()
    assert 0 < len(_filter_headers(crowded)) < len(crowd)
    sent.append(crowded)
    bodies = {message.id: copy.deepcopy(message.body) for message in sent}
    received = round_trip(sent, tmp_path)
    assert len(received) == len(sent)
    for message in sent:
        record = received[message.id]
        assert record["schema"] == message.schema_name
        assert record["body"] == bodies[message.id]
