"""``fedora-bus-schemas tap`` against the RabbitMQ on 127.0.0.1, fed by fedora-messaging's publish."""

from __future__ import annotations

import copy
import select
import signal
import subprocess
import sys
import time
import uuid

import pika
import pytest

from .broker import ADDRESS, require_broker
from .conftest import SAMPLES

pytestmark = pytest.mark.broker

URL = f"amqp://guest:guest@{ADDRESS[0]}:{ADDRESS[1]}/%2F"


@pytest.fixture
def prefix():
    """A routing-key prefix of this test's own: other tests publish on the same broker."""
    require_broker()
    return f"tap-test-{uuid.uuid4().hex}"


def start_tap(*args: str) -> tuple[subprocess.Popen, str]:
    """The tap in a subprocess, once its queue is bound; and that queue's name."""
    process = subprocess.Popen(
        [sys.executable, "-m", "fedora_bus_schemas_core.cli", "tap", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    ready, _, _ = select.select([process.stderr], [], [], 60)
    line = process.stderr.readline() if ready else ""
    if "tap: listening on" not in line:
        process.kill()
        pytest.fail(f"the tap did not start: {line}{process.stderr.read()}")
    return process, line.rsplit("(queue ", 1)[1].rstrip(")\n")


def finish(process: subprocess.Popen) -> tuple[int, str]:
    out, err = process.communicate(timeout=120)
    return process.returncode, out + err


def publish(prefix: str, samples) -> list:
    """Publish the samples with fedora-messaging, under ``prefix``; the messages sent."""
    from fedora_messaging import api

    sent = [
        sample.cls(body=copy.deepcopy(sample.body), topic=f"{prefix}.{sample.cls.topic}")
        for sample in samples
    ]
    for message in sent:
        api.publish(message)
    return sent


def some_samples(count: int = 6) -> list:
    return SAMPLES[:: max(1, len(SAMPLES) // count)][:count]


def test_each_live_message_gets_its_verdict(prefix, tmp_path):
    from fedora_messaging import api
    from fedora_messaging.message import Message

    saved = tmp_path / "tap.jsonl"
    picked = some_samples()
    first = picked[0]
    total = len(picked) + 3
    process, _ = start_tap(
        "--amqp-url", URL, f"{prefix}.#", "--count", str(total), "--timeout", "90", "--save", str(saved)
    )
    sent = publish(prefix, picked)
    # Greenwave, WaiverDB and ResultsDB publish with the plain Message class: the topic decides.
    plain = Message(topic=f"{prefix}.{first.cls.topic}", body={"not": "the schema"})
    api.publish(plain)
    unknown = Message(topic=f"{prefix}.no.such.topic", body={})
    api.publish(unknown)
    with pika.BlockingConnection(pika.URLParameters(URL)) as connection:
        connection.channel().basic_publish(
            "amq.topic",
            f"{prefix}.{first.cls.topic}",
            b"{not json",
            pika.BasicProperties(content_encoding="utf-8", message_id="raw-1", headers={}),
        )
    code, out = finish(process)
    assert code == 1, out
    for message in sent:
        assert f"VALID    {message.topic} {message.id}  [{message.schema_name}]\n" in out
        assert f"         {message.summary}\n" in out
    assert f"INVALID  {plain.topic} {plain.id}  [{first.schema_name}]\n         body $: " in out
    assert f"ERROR    {unknown.topic} {unknown.id}\n         unknown topic '{unknown.topic}'" in out
    assert f"ERROR    {prefix}.{first.cls.topic} raw-1\n         body: invalid JSON: " in out
    assert f"{total} messages: {len(sent)} valid, 1 invalid, 2 unreadable" in out

    # What the tap saved, validate reads: the same verdicts.
    done = subprocess.run(
        [sys.executable, "-m", "fedora_bus_schemas_core.cli", "validate", "-q", str(saved)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert f"{total} messages: {len(sent)} valid, 1 invalid, 2 unreadable" in done.stdout
    assert len(saved.read_text().splitlines()) == total


def test_the_tap_takes_nothing_and_leaves_nothing(prefix):
    """A shared queue keeps every message; the tap's own queue goes with it; it publishes nothing."""
    picked = some_samples(3)
    with pika.BlockingConnection(pika.URLParameters(URL)) as connection:
        channel = connection.channel()
        shared = f"{prefix}-shared"
        channel.queue_declare(shared, durable=True)
        channel.queue_bind(shared, "amq.topic", routing_key=f"{prefix}.#")
        try:
            process, queue = start_tap("--amqp-url", URL, f"{prefix}.#", "--count", str(len(picked)))
            publish(prefix, picked)
            code, out = finish(process)
            assert code == 0, out
            assert f"{len(picked)} messages: {len(picked)} valid" in out
            time.sleep(0.5)
            kept = channel.queue_declare(shared, passive=True).method.message_count
            assert kept == len(picked), "the tap took nothing from the shared queue and published nothing"
        finally:
            channel.queue_delete(shared)
    with pika.BlockingConnection(pika.URLParameters(URL)) as connection:
        channel = connection.channel()
        with pytest.raises(pika.exceptions.ChannelClosedByBroker, match="NOT_FOUND"):
            channel.queue_declare(queue, passive=True)  # the tap's queue went with it


def test_the_tap_stops_at_its_timeout(prefix):
    start = time.monotonic()
    process, _ = start_tap("--amqp-url", URL, f"{prefix}.#", "--timeout", "1")
    code, out = finish(process)
    assert code == 1
    assert out.strip() == "0 messages: 0 valid, 0 invalid, 0 unreadable"
    assert time.monotonic() - start < 30


def test_ctrl_c_stops_the_tap_with_its_totals(prefix):
    process, _ = start_tap("--amqp-url", URL, f"{prefix}.#")
    [sent] = publish(prefix, some_samples(1))
    deadline = time.monotonic() + 60
    seen = ""
    while f"{sent.id}" not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([process.stdout], [], [], 1)
        if ready:
            seen += process.stdout.readline()
    process.send_signal(signal.SIGINT)
    code, out = finish(process)
    assert code == 0, seen + out
    assert f"VALID    {sent.topic} {sent.id}" in seen
    assert "1 message: 1 valid, 0 invalid, 0 unreadable" in out


def test_the_tap_uses_a_fedora_messaging_configuration(prefix, tmp_path):
    conf = tmp_path / "config.toml"
    conf.write_text(
        f'amqp_url = "{URL}"\n\n'
        '[[bindings]]\nqueue = "unused"\nexchange = "amq.topic"\nrouting_keys = ["#"]\n'
    )
    process, _ = start_tap("--conf", str(conf), f"{prefix}.#", "--count", "1", "--timeout", "90", "-q")
    publish(prefix, some_samples(1))
    code, out = finish(process)
    assert code == 0, out
    assert out.strip() == "1 message: 1 valid, 0 invalid, 0 unreadable"


def test_a_missing_exchange_is_one_clear_error(prefix):
    done = subprocess.run(
        [sys.executable, "-m", "fedora_bus_schemas_core.cli", "tap", "--amqp-url", URL, "--exchange", prefix],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert f"fedora-bus-schemas tap: the broker refused: NOT_FOUND - no exchange '{prefix}'" in done.stderr
