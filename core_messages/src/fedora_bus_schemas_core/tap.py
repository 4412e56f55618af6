"""``fedora-bus-schemas tap``: validate the messages live on a broker as they pass.

The tap declares its own queue (a random name, exclusive: deleted when the tap disconnects), binds
it to the topics asked for, and consumes it without acknowledgements, so it takes nothing from
anyone else's queue, never makes the broker redeliver, and never publishes. Each message gets
the verdict ``validate`` would give it.
"""

from __future__ import annotations

import argparse
import json
import signal
import ssl
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, TextIO

import pika

from .checks import ERROR, Outcome, check_body, report
from .inputs import InputError, loads

#: What ``fedora-bus-schemas tap`` tells the broker it is, for the broker's administrators.
CLIENT_NAME = "fedora-bus-schemas tap"
#: Seconds between checks of the timeout while no message arrives.
POLL = 0.2


def add_parser(commands: argparse._SubParsersAction) -> None:
    """Register the ``tap`` subcommand."""
    tap = commands.add_parser(
        "tap",
        help="validate the messages passing on a broker, live",
        description=(
            "Connect to the broker of a fedora-messaging configuration file, bind a private queue "
            "to the TOPICs (AMQP topic patterns such as 'org.fedoraproject.prod.bodhi.#'; "
            "everything by default) and print a verdict for each message that arrives, as "
            "validate does, with the totals when it stops: after --count messages, --timeout "
            "seconds or Ctrl-C. The tap never acknowledges on a shared queue, never requeues and "
            "never publishes. Exit status 0 when every message was valid, 1 otherwise."
        ),
    )
    tap.add_argument("topics", nargs="*", metavar="TOPIC", help="routing keys to listen to (default: '#')")
    tap.add_argument(
        "--conf",
        metavar="FILE",
        help="fedora-messaging configuration file (default: $FEDORA_MESSAGING_CONF, else "
        "/etc/fedora-messaging/config.toml); its amqp_url and tls settings are used",
    )
    tap.add_argument("--amqp-url", metavar="URL", help="the broker to connect to, instead of amqp_url")
    tap.add_argument(
        "--exchange",
        help="the exchange to bind to (default: that of the configuration's first binding, amq.topic)",
    )
    tap.add_argument("--count", type=_positive, metavar="N", help="stop after N messages")
    tap.add_argument("--timeout", type=float, metavar="S", help="stop after S seconds")
    tap.add_argument("-q", "--quiet", action="store_true", help="print only problems and the total")
    tap.add_argument(
        "--save",
        metavar="FILE",
        help="also append each message to FILE as JSON Lines (fedora-messaging's serialized "
        "messages), which validate reads",
    )
    tap.set_defaults(run=run)


def run(args: argparse.Namespace, out: TextIO) -> int:
    """The ``tap`` subcommand: verdicts until the count, the timeout or Ctrl-C; the exit status
    (2 when the configuration cannot be read or the broker cannot be used)."""
    from fedora_messaging import config
    from fedora_messaging.exceptions import ConfigurationException

    save = None
    try:
        conf = config.conf.load_config(args.conf)
        parameters = _parameters(args.amqp_url or conf["amqp_url"], conf["tls"])
        exchange = args.exchange or next((b["exchange"] for b in conf["bindings"]), None) or "amq.topic"
        save = Path(args.save).open("a", encoding="utf-8") if args.save else None  # noqa: SIM115
        messages = listen(parameters, exchange, args.topics or ["#"], args.count, args.timeout)
        outcomes = (_verdict(*message, summaries=not args.quiet, save=save) for message in messages)
        return report(outcomes, out, quiet=args.quiet, live=True)
    except (ConfigurationException, OSError, ssl.SSLError, pika.exceptions.AMQPError) as error:
        print(f"fedora-bus-schemas tap: {_describe(error)}", file=sys.stderr)
        return 2
    finally:
        if save:
            save.close()


def _describe(error: Exception) -> str:
    if isinstance(error, pika.exceptions.AMQPConnectionError):
        return f"cannot connect to the broker: {error!r}"
    if isinstance(error, pika.exceptions.ChannelClosedByBroker):
        return f"the broker refused: {error.reply_text}"
    return str(error) or repr(error)


def listen(
    parameters: pika.ConnectionParameters,
    exchange: str,
    topics: list[str],
    count: int | None = None,
    timeout: float | None = None,
) -> Iterator[tuple[str, pika.BasicProperties, bytes]]:
    """The messages published on ``exchange`` under ``topics``, as (routing key, properties, body).

    Stops after ``count`` messages, ``timeout`` seconds, or when interrupted (Ctrl-C).
    """
    deadline = None if timeout is None else time.monotonic() + timeout
    interrupted: list[int] = []
    connection = pika.BlockingConnection(parameters)
    # Ctrl-C asks the tap to stop at the next message or poll, wherever the program then is.
    previous = signal.signal(signal.SIGINT, lambda number, frame: interrupted.append(number))
    try:
        channel = connection.channel()
        # A random UUID, as fedora-messaging's configurations for Fedora's brokers name queues.
        queue = str(uuid.uuid4())
        channel.queue_declare(queue, exclusive=True, auto_delete=True)
        for topic in topics:
            channel.queue_bind(queue, exchange, routing_key=topic)
        shown = ", ".join(repr(topic) for topic in topics)
        print(f"tap: listening on {exchange} for {shown} (queue {queue})", file=sys.stderr, flush=True)
        received = 0
        # No acknowledgements: the private queue's messages count as delivered once sent.
        for method, properties, body in channel.consume(queue, auto_ack=True, inactivity_timeout=POLL):
            if interrupted:
                break
            if method is not None:
                received += 1
                yield method.routing_key, properties, body
            if received == count or (deadline is not None and time.monotonic() >= deadline):
                break
        channel.cancel()
    finally:
        signal.signal(signal.SIGINT, previous)
        if connection.is_open:
            connection.close()  # the broker deletes the exclusive queue


def _verdict(
    topic: str, properties: pika.BasicProperties, body: bytes, summaries: bool, save: IO[str] | None
) -> Outcome:
    location = f"{topic} {properties.message_id or '(no message id)'}"
    try:
        value = _parsed(body, properties.content_encoding)
    except InputError as error:
        if save:
            _save(save, topic, properties, body.decode("utf-8", "replace"))
        return Outcome(location, ERROR, detail=f"body: {error}")
    if save:
        _save(save, topic, properties, value)
    return check_body(location, topic, value, properties.headers, summaries=summaries)


def _parsed(body: bytes, encoding: str | None) -> Any:
    if encoding is not None and encoding.lower().replace("-", "") != "utf8":
        try:
            body = body.decode(encoding).encode("utf-8")
        except (LookupError, UnicodeError) as error:
            raise InputError(f"cannot decode it as {encoding}: {error}") from None
    return loads(body)


def _save(save: IO[str], topic: str, properties: pika.BasicProperties, body: Any) -> None:
    record = {
        "topic": topic,
        "headers": properties.headers,
        "id": properties.message_id,
        "body": body,
        "queue": None,
    }
    save.write(json.dumps(record, default=str) + "\n")
    save.flush()


def _positive(text: str) -> int:
    number = int(text)
    if number < 1:
        raise argparse.ArgumentTypeError(f"{text} is not a positive number")
    return number


def _parameters(url: str, tls: dict[str, Any]) -> pika.URLParameters:
    """Connection parameters for ``url``, with fedora-messaging's ``tls`` settings for amqps."""
    parameters = pika.URLParameters(url)
    parameters.client_properties = {"app": CLIENT_NAME, "connection_name": CLIENT_NAME}
    if url.startswith("amqps:"):
        context = ssl.create_default_context(cafile=tls.get("ca_cert") or None)
        context.minimum_version = ssl.TLSVersion.TLSv1_2
        if tls.get("certfile") and tls.get("keyfile"):
            context.load_cert_chain(tls["certfile"], tls["keyfile"])
            parameters.credentials = pika.credentials.ExternalCredentials()
        parameters.ssl_options = pika.SSLOptions(context, server_hostname=parameters.host)
    return parameters
