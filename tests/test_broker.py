"""Round trip through a real RabbitMQ: publish every sample, consume it with fedora-messaging."""

from __future__ import annotations

import pytest

from .broker import require_broker, round_trip
from .conftest import SAMPLES

pytestmark = pytest.mark.broker


def test_every_sample_survives_the_broker(tmp_path):
    require_broker()
    sent = [sample.message() for sample in SAMPLES]
    received = round_trip(sent, tmp_path)
    assert len(received) == len(sent)
    for message in sent:
        record = received[message.id]
        assert record["class"] == f"{type(message).__module__}.{type(message).__qualname__}"
        assert record["schema"] == message.schema_name
        assert record["topic"] == message.topic
        assert record["body"] == message.body
        assert record["summary"] == message.summary
        assert record["str"] == str(message)
