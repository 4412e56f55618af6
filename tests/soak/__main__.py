"""Soak test: thousands of messages through RabbitMQ with fedora-messaging, none lost or changed.

Every sample of every installed class (as shipped, and with its names lengthened past the AMQP
header limit, ASCII and not) is published over and over through ``fedora_messaging.api.publish``
(publisher confirms) to a private exchange on the broker at 127.0.0.1; among them, published raw,
poison messages: bodies that fail their class's schema under our schema header, bodies that are
not JSON, and bodies under a schema header nobody registers (an object, which fedora-messaging
delivers as a plain ``Message``, and a list, which it rejects). Then the real ``fedora-messaging
consume`` receives them. The run fails unless every valid message arrives exactly once, as its
class, with its body unchanged, and every invalid one is rejected exactly once (dead-lettered,
never requeued). It prints the counts and the publish and consume rates.

    python -m tests.soak [--messages 10000] [--poison-every 40]     (from the repository root)
"""

from __future__ import annotations

import argparse
import copy
import json
import logging
import os
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

os.environ.setdefault(
    "FEDORA_MESSAGING_CONF", str(Path(__file__).resolve().parents[1] / "fedora-messaging.toml")
)

import pika
from fedora_messaging import api
from fedora_messaging.message import Message

from fedora_bus_schemas_core import headers, registry, samples

from ..broker import run_consumer
from ..long_names import FILLERS, lengthened

BROKER = pika.ConnectionParameters("127.0.0.1", 5672)
#: A schema name no package registers.
UNKNOWN_SCHEMA = "fedora-bus-schemas.soak.unknown.v1"
BASE_CLASS = f"{Message.__module__}.{Message.__qualname__}"


@dataclass
class Expected:
    """What the consumer must do with each published message id."""

    #: id -> (class path, schema name of the class, topic, body) the callback must receive.
    delivered: dict[str, tuple[str, str | None, str, Any]] = field(default_factory=dict)
    #: ids fedora-messaging must reject (nack without requeue), never reaching the callback.
    rejected: set[str] = field(default_factory=set)
    #: Valid messages by schema name; poison messages by kind.
    valid: Counter[str] = field(default_factory=Counter)
    poison: Counter[str] = field(default_factory=Counter)


@dataclass
class Raw:
    """A message published with pika directly, as a misbehaving or unknown producer would."""

    topic: str
    properties: pika.BasicProperties
    body: bytes


def bodies() -> Iterator[tuple[type[Message], dict[str, Any]]]:
    """Every sample body of every installed class, as shipped and with lengthened names, forever."""
    variants = []
    for sample in samples.load_all():
        variants.append((sample.cls, sample.body))
        for filler in FILLERS.values():
            body = lengthened(sample.cls, sample.body, filler)
            if body is not None:
                variants.append((sample.cls, body))
    while True:
        yield from variants


def invalid_body(cls: type[Message], body: dict[str, Any]) -> Any:
    """``body`` without the keys its schema requires, or failing that a list: either fails it."""
    required = cls.body_schema.get("required", [])
    candidate: Any = {key: value for key, value in body.items() if key not in required}
    if not required or cls.accepts(candidate):  # type: ignore[attr-defined]
        candidate = [body]
    assert not cls.accepts(candidate)  # type: ignore[attr-defined]
    return candidate


def raw(topic: str, schema: str, body: bytes) -> Raw:
    properties = pika.BasicProperties(
        content_type="application/json",
        content_encoding="utf-8",
        delivery_mode=2,
        message_id=str(uuid.uuid4()),
        headers={"fedora_messaging_schema": schema, "fedora_messaging_severity": 20},
    )
    return Raw(topic, properties, body)


def poison(kind: int, cls: type[Message], body: dict[str, Any], expected: Expected) -> Raw:
    """One of four poison messages, recorded in ``expected`` with what must happen to it."""
    topic = cls.topic
    if kind == 0:
        message = raw(topic, cls.schema_name, json.dumps(invalid_body(cls, body)).encode())
        expected.poison["schema-invalid body, our schema header: rejected"] += 1
    elif kind == 1:
        message = raw(topic, cls.schema_name, b"\xff\xfe{not json")
        expected.poison["undecodable body, our schema header: rejected"] += 1
    elif kind == 2:
        message = raw(topic, UNKNOWN_SCHEMA, json.dumps([body]).encode())
        expected.poison["list body, unknown schema header: rejected"] += 1
    else:
        message = raw(topic, UNKNOWN_SCHEMA, json.dumps(body).encode())
        expected.poison["object body, unknown schema header: delivered as Message"] += 1
        expected.delivered[message.properties.message_id] = (BASE_CLASS, None, topic, body)
        return message
    expected.rejected.add(message.properties.message_id)
    return message


def plan(total: int, poison_every: int) -> tuple[list[Message | Raw], Expected]:
    """``total`` messages in publishing order, one in ``poison_every`` poisoned, the last valid."""
    expected = Expected()
    planned: list[Message | Raw] = []
    source = bodies()
    for index in range(total):
        cls, body = next(source)
        if index % poison_every == poison_every - 1 and index < total - 1:
            planned.append(poison(index // poison_every % 4, cls, body, expected))
            continue
        message = cls(body=copy.deepcopy(body))
        planned.append(message)
        cls_path = f"{cls.__module__}.{cls.__qualname__}"
        expected.delivered[message.id] = (cls_path, cls.schema_name, message.topic, body)
        expected.valid[cls.schema_name] += 1
    return planned, expected


def publish(planned: list[Message | Raw], exchange: str, threads: int) -> float:
    """Publish everything, each confirmed by the broker; the seconds it took.

    Runs of valid messages go through ``api.publish`` from several threads at once, as a busy
    producer would (RabbitMQ then writes their confirms to disk together); each poison message goes
    after the run before it is confirmed. The last message goes alone once all others are confirmed,
    so the consumer, which handles its queue in order, has handled all others when it gets it.
    """
    connection = pika.BlockingConnection(BROKER)
    channel = connection.channel()
    channel.confirm_delivery()
    *others, last = planned
    assert isinstance(last, Message)
    start = time.perf_counter()
    with ThreadPoolExecutor(threads) as pool:

        def send(run: list[Message]) -> None:
            list(pool.map(lambda message: api.publish(message, exchange=exchange), run))

        run: list[Message] = []
        for item in others:
            if isinstance(item, Message):
                run.append(item)
                continue
            send(run)
            run = []
            channel.basic_publish(exchange, item.topic, item.body, item.properties, mandatory=True)
        send(run)
    api.publish(last, exchange=exchange)
    elapsed = time.perf_counter() - start
    connection.close()
    return elapsed


#: The consumer's configuration besides queue and binding: the queue and its dead-letter exchange
#: are declared by the test (passively by fedora-messaging, as on Fedora's broker); warnings only.
CONSUMER_SETTINGS = """
passive_declares = true

[exchanges."{exchange}"]
type = "topic"
durable = false
auto_delete = false
arguments = {{}}

[log_config]
version = 1
disable_existing_loggers = false

[log_config.formatters.plain]
format = "%(levelname)s %(name)s %(message)s"

[log_config.handlers.console]
class = "logging.StreamHandler"
formatter = "plain"
stream = "ext://sys.stderr"

[log_config.root]
level = "WARNING"
handlers = ["console"]
"""


def dead_letters(channel: Any, queue: str) -> list[tuple[str, int]]:
    """(message id, times dead-lettered) of everything in ``queue``, emptying it."""
    found = []
    while True:
        method, properties, _body = channel.basic_get(queue, auto_ack=True)
        if method is None:
            return found
        deaths = (properties.headers or {}).get("x-death", [])
        found.append((properties.message_id, sum(int(death.get("count", 1)) for death in deaths)))


def check(records: list[dict[str, Any]], rejected: list[tuple[str, int]], expected: Expected) -> list[str]:
    """Every way the run differs from what fedora-messaging must do; empty when all is right."""
    problems = []
    received = Counter(record["id"] for record in records)
    lost = set(expected.delivered) - set(received)
    duplicated = {message_id for message_id, count in received.items() if count > 1}
    unexpected = set(received) - set(expected.delivered)
    wrong_class = changed = 0
    for record in records:
        if record["id"] not in expected.delivered:
            continue
        cls_path, schema, topic, body = expected.delivered[record["id"]]
        wrong_class += (record["class"], record["schema"]) != (cls_path, schema)
        changed += (record["topic"], record["body"]) != (topic, body)
    rejected_ids = Counter(message_id for message_id, _ in rejected)
    for label, count in (
        ("lost", len(lost)),
        ("duplicated", len(duplicated)),
        ("delivered though invalid or never sent", len(unexpected)),
        ("arrived as another class", wrong_class),
        ("arrived with another topic or body", changed),
        ("invalid but not rejected", len(expected.rejected - set(rejected_ids))),
        ("rejected though valid", len(set(rejected_ids) - expected.rejected)),
        (
            "rejected more than once (requeued)",
            sum(count - 1 for count in rejected_ids.values()) + sum(deaths != 1 for _, deaths in rejected),
        ),
    ):
        if count:
            problems.append(f"{count} message(s) {label}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=10_000, help="messages to publish (default 10,000)")
    parser.add_argument("--poison-every", type=int, default=40, help="one poison message in N (default 40)")
    parser.add_argument("--threads", type=int, default=8, help="threads publishing at once (default 8)")
    args = parser.parse_args()
    # Lengthened names make every such message log the headers it leaves out: thousands of lines.
    logging.getLogger(headers.__name__).setLevel(logging.ERROR)

    planned, expected = plan(args.messages, args.poison_every)
    missing = set(registry.registered()) - set(expected.valid)
    if missing:
        print(f"FAIL: no message of {', '.join(sorted(missing))}: too few messages for every class")
        return 1

    name = f"fedora-bus-schemas-soak-{uuid.uuid4()}"
    exchange, queue, dead = name, name, f"{name}.rejected"
    connection = pika.BlockingConnection(BROKER)
    channel = connection.channel()
    try:
        channel.exchange_declare(exchange, "topic")
        channel.exchange_declare(dead, "fanout")
        channel.queue_declare(dead, durable=True)
        channel.queue_bind(dead, dead)
        channel.queue_declare(queue, durable=True, arguments={"x-dead-letter-exchange": dead})
        channel.queue_bind(queue, exchange, "#")

        published_in = publish(planned, exchange, args.threads)
        queued = channel.queue_declare(queue, passive=True).method.message_count
        print(
            f"published {len(planned)} messages in {published_in:.1f} s: "
            f"{len(planned) / published_in:.0f} msg/s (publisher confirms, {args.threads} threads); "
            f"{queued} queued"
        )

        with tempfile.TemporaryDirectory() as workdir:
            start = time.perf_counter()
            done, records = run_consumer(
                Path(sys.executable).with_name("fedora-messaging"),
                queue,
                len(expected.delivered),
                Path(workdir),
                exchange=exchange,
                settings=CONSUMER_SETTINGS.format(exchange=exchange),
                timeout=600,
            )
            wall = time.perf_counter() - start
        if done.returncode != 0:
            print(f"FAIL: the consumer exited with {done.returncode}:\n{done.stderr[-3000:]}")
            return 1
        left = channel.queue_declare(queue, passive=True).method.message_count
        rejected = dead_letters(channel, dead)
    finally:
        channel.queue_delete(queue)
        channel.queue_delete(dead)
        channel.exchange_delete(exchange)
        channel.exchange_delete(dead)
        connection.close()

    handled = len(records) + len(rejected)
    span = records[-1]["at"] - records[0]["at"] if len(records) > 1 else float("nan")
    logged = done.stderr.count("did not pass validation")
    print(
        f"consumed {handled} messages ({len(records)} delivered, {len(rejected)} rejected): "
        f"{handled / span:.0f} msg/s from first to last delivery ({span:.1f} s), "
        f"{wall:.1f} s with the consumer's start-up"
    )
    for kind, count in sorted(expected.poison.items()):
        print(f"  {count:5d} {kind}")
    print(f"  {sum(expected.valid.values()):5d} valid messages of {len(expected.valid)} classes")
    problems = check(records, rejected, expected)
    if left:
        problems.append(f"{left} message(s) left in the queue")
    if logged != len(expected.rejected):
        problems.append(f"the consumer logged {logged} rejections, not {len(expected.rejected)}")
    for problem in problems:
        print(f"FAIL: {problem}")
    if not problems:
        print(
            f"OK: 0 lost, 0 duplicated, 0 of another class, 0 changed; "
            f"{len(rejected)} of {len(expected.rejected)} invalid messages rejected once each"
        )
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
