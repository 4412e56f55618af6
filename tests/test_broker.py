"""Round trip through a real RabbitMQ: publish every sample, consume it with fedora-messaging."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from .conftest import SAMPLES

pytestmark = pytest.mark.broker

BROKER = ("127.0.0.1", 5672)
RECORDER = Path(__file__).with_name("broker_recorder.py")


def broker_is_up() -> bool:
    try:
        socket.create_connection(BROKER, timeout=2).close()
    except OSError:
        return False
    return True


@pytest.fixture(scope="module")
def broker():
    if not broker_is_up():
        if os.environ.get("FBS_REQUIRE_BROKER"):
            pytest.fail(f"no RabbitMQ broker on {BROKER[0]}:{BROKER[1]}")
        pytest.skip(f"no RabbitMQ broker on {BROKER[0]}:{BROKER[1]}")


def consumer_config(tmp_path: Path, queue: str) -> Path:
    """A fedora-messaging config with a durable queue bound to everything, kept until deleted."""
    path = tmp_path / "consumer.toml"
    path.write_text(
        f"""
amqp_url = "amqp://guest:guest@127.0.0.1:5672/%2F"

[queues."{queue}"]
durable = true
auto_delete = false
exclusive = false
arguments = {{}}

[[bindings]]
queue = "{queue}"
exchange = "amq.topic"
routing_keys = ["#"]

[consumer_config]
expected = {len(SAMPLES)}
output = "{tmp_path / "received.jsonl"}"
"""
    )
    return path


def declare_queue(queue: str) -> None:
    import pika

    connection = pika.BlockingConnection(pika.ConnectionParameters(*BROKER))
    channel = connection.channel()
    channel.queue_declare(queue, durable=True, auto_delete=False, exclusive=False)
    channel.queue_bind(queue, "amq.topic", routing_key="#")
    connection.close()


def delete_queue(queue: str) -> None:
    import pika

    connection = pika.BlockingConnection(pika.ConnectionParameters(*BROKER))
    connection.channel().queue_delete(queue)
    connection.close()


def test_every_sample_survives_the_broker(broker, tmp_path):
    from fedora_messaging import api

    queue = f"fedora-bus-schemas-test-{uuid.uuid4()}"
    declare_queue(queue)
    try:
        sent = [sample.message() for sample in SAMPLES]
        for message in sent:
            api.publish(message)
        config = consumer_config(tmp_path, queue)
        done = subprocess.run(
            [
                str(Path(sys.executable).with_name("fedora-messaging")),
                "--conf",
                str(config),
                "consume",
                "--callback-file",
                f"{RECORDER}:Recorder",
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert done.returncode == 0, done.stdout + done.stderr
    finally:
        delete_queue(queue)
    received = {
        record["id"]: record
        for record in map(json.loads, (tmp_path / "received.jsonl").read_text().splitlines())
    }
    assert len(received) == len(sent)
    for message in sent:
        record = received[message.id]
        assert record["class"] == f"{type(message).__module__}.{type(message).__qualname__}"
        assert record["schema"] == message.schema_name
        assert record["topic"] == message.topic
        assert record["body"] == message.body
        assert record["summary"] == message.summary
        assert record["str"] == str(message)
