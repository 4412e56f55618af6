"""A RabbitMQ broker on 127.0.0.1 for round-trip tests: queues, consumer configuration, recording."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

ADDRESS = ("127.0.0.1", 5672)
RECORDER = Path(__file__).with_name("broker_recorder.py")


def require_broker() -> None:
    """Skip (or fail, with FBS_REQUIRE_BROKER set, as in CI) when no broker listens."""
    try:
        socket.create_connection(ADDRESS, timeout=2).close()
    except OSError:
        message = f"no RabbitMQ broker on {ADDRESS[0]}:{ADDRESS[1]}"
        if os.environ.get("FBS_REQUIRE_BROKER"):
            pytest.fail(message)
        pytest.skip(message)


@contextmanager
def durable_queue() -> Iterator[str]:
    """A queue bound to every topic of amq.topic, kept until the block ends."""
    import pika

    name = f"fedora-bus-schemas-test-{uuid.uuid4()}"
    connection = pika.BlockingConnection(pika.ConnectionParameters(*ADDRESS))
    channel = connection.channel()
    channel.queue_declare(name, durable=True, auto_delete=False, exclusive=False)
    channel.queue_bind(name, "amq.topic", routing_key="#")
    try:
        yield name
    finally:
        channel.queue_delete(name)
        connection.close()


def consume(fedora_messaging: Path, queue: str, expected: int, workdir: Path) -> list[dict[str, Any]]:
    """Run the real ``fedora-messaging consume`` on ``queue`` until ``expected`` messages arrived.

    Returns what the consumer's callback recorded of each: class, schema, topic, body, summary.
    """
    done, records = run_consumer(fedora_messaging, queue, expected, workdir)
    assert done.returncode == 0, done.stdout + done.stderr
    return records


def run_consumer(
    fedora_messaging: Path,
    queue: str,
    expected: int,
    workdir: Path,
    *,
    exchange: str = "amq.topic",
    settings: str = "",
    timeout: float = 120,
) -> tuple[subprocess.CompletedProcess[str], list[dict[str, Any]]]:
    """:func:`consume`, with ``settings`` added to the consumer's configuration (TOML at top level).

    Returns the finished consumer process, whatever its exit code, and the records.
    """
    output = workdir / "received.jsonl"
    config = workdir / "consumer.toml"
    config.write_text(
        f"""
amqp_url = "amqp://guest:guest@127.0.0.1:5672/%2F"
{settings}

[queues."{queue}"]
durable = true
auto_delete = false
exclusive = false
arguments = {{}}

[[bindings]]
queue = "{queue}"
exchange = "{exchange}"
routing_keys = ["#"]

[consumer_config]
expected = {expected}
output = "{output}"
"""
    )
    done = subprocess.run(
        [str(fedora_messaging), "--conf", str(config), "consume", "--callback-file", f"{RECORDER}:Recorder"],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    records = [json.loads(line) for line in output.read_text().splitlines()] if output.exists() else []
    return done, records


def round_trip(messages: list[Any], workdir: Path) -> dict[str, dict[str, Any]]:
    """Publish ``messages`` with fedora-messaging's API, consume them: what arrived, by message id."""
    from fedora_messaging import api

    with durable_queue() as queue:
        for message in messages:
            api.publish(message)
        fedora_messaging = Path(sys.executable).with_name("fedora-messaging")
        records = consume(fedora_messaging, queue, len(messages), workdir)
    return {record["id"]: record for record in records}
