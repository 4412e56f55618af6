"""Verdicts on records: which installed class a message belongs to and whether it is valid.

Used by ``fedora-bus-schemas validate`` and ``tap``. A record that is valid and not shown costs
one body validation and one headers validation: no ``Message`` is built and no summary is
computed. Any other record takes the path that builds the message, so what is printed is exactly
what ``Message.validate`` and ``summary`` say.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TextIO

import jsonschema
import pika
from fedora_messaging.message import Message

from . import registry
from .inputs import Record
from .message import SchemaMessage

if TYPE_CHECKING:
    from .validation import CompiledSchema

VALID, INVALID, ERROR = "valid", "invalid", "error"
NOT_A_MESSAGE = (
    "not a message: expected an object with 'topic' and 'body' (or fedmsg's 'msg'), or a "
    "datagrepper page with 'raw_messages' (use --topic TOPIC for bare bodies)"
)


@dataclass(frozen=True)
class Outcome:
    """The verdict on one record; ``detail`` is the summary, the error, or empty when not asked."""

    location: str
    status: str
    schema_name: str = ""
    detail: str = ""


def verdicts(record: Record, topic: str | None = None, *, summaries: bool = True) -> Iterator[Outcome]:
    """The verdict on each message of one record; never raises for bad input.

    With ``topic``, the record is a bare body of that topic. Without, it is a message in an
    envelope (see :func:`check_envelope`) or a page of datagrepper's search (``/raw``,
    ``/v2/search``), whose ``raw_messages`` each get a verdict. With ``summaries`` false, a valid
    message's outcome has no detail (and costs far less).
    """
    if record.error:
        yield Outcome(record.location, ERROR, detail=record.error)
    elif topic is not None:
        yield check_body(record.location, topic, record.value, None, summaries=summaries)
    elif isinstance(record.value, dict) and "raw_messages" in record.value and "topic" not in record.value:
        yield from _page(record.location, record.value["raw_messages"], summaries)
    else:
        yield check_envelope(record.location, record.value, summaries=summaries)


def check_envelope(location: str, value: Any, *, summaries: bool = True) -> Outcome:
    """Validate a message in its envelope, using its headers' schema name when it has one.

    The envelope is ``{"topic", "body", "headers"}`` (this command's records, fedora-messaging's
    serialized messages, datagrepper's ``/v2/id`` answers) or ``{"topic", "msg", "headers"}``
    (fedmsg's messages, datagrepper's ``/id`` answers); ``headers`` may be left out or null.
    """
    if not isinstance(value, dict) or "topic" not in value or ("body" not in value and "msg" not in value):
        return Outcome(location, ERROR, detail=NOT_A_MESSAGE)
    body = value["body"] if "body" in value else value["msg"]
    return check_body(location, value["topic"], body, value.get("headers"), summaries=summaries)


def check_body(
    location: str, topic: Any, body: Any, headers: Any = None, *, summaries: bool = True
) -> Outcome:
    """Validate ``body`` (and ``headers``, when not None) as a message on ``topic``."""
    if not isinstance(topic, str):
        return Outcome(location, ERROR, detail=f"'topic' must be a string, not {kind(topic)}")
    if not isinstance(body, dict):
        return Outcome(location, ERROR, detail=f"body must be a JSON object, not {kind(body)}")
    if headers is not None and not isinstance(headers, dict):
        return Outcome(location, ERROR, detail=f"'headers' must be an object, not {kind(headers)}")
    try:
        cls, accepted = _class_for(topic, body, headers)
        if cls is None:
            return Outcome(location, ERROR, detail=f"unknown topic {topic!r}: no installed schema for it")
        if accepted and not summaries and _headers_accepted(cls, headers):
            return Outcome(location, VALID, cls.schema_name)
        return check_message(location, cls, body, headers)
    except RecursionError:
        return Outcome(location, ERROR, detail="the message is nested too deeply to be checked")


def check_message(
    location: str, cls: type[SchemaMessage], body: dict[str, Any], headers: dict[str, Any] | None
) -> Outcome:
    """Validate ``body`` (and ``headers``) as a message of ``cls``; the summary when valid."""
    message = cls(body=body, properties=pika.BasicProperties(headers=_headers_or_default(cls, headers)))
    try:
        message.validate()
    except jsonschema.ValidationError as error:
        # Message.validate checks the headers first.
        part = "headers" if not _headers_accepted(cls, headers) else "body"
        return Outcome(location, INVALID, cls.schema_name, f"{part} {error.json_path}: {error.message}")
    return Outcome(location, VALID, cls.schema_name, message.summary)


def report(outcomes: Iterable[Outcome], out: TextIO, *, quiet: bool = False, live: bool = False) -> int:
    """Print each outcome (with ``quiet``, only those that are not valid) and the totals; the exit
    status: 0 when there was at least one message and all were valid, 1 otherwise.

    ``live`` output is flushed after every outcome, for whoever watches it.
    """
    totals: Counter[str] = Counter()
    for outcome in outcomes:
        totals[outcome.status] += 1
        if outcome.status != VALID or not quiet:
            name = f"  [{outcome.schema_name}]" if outcome.schema_name else ""
            out.write(f"{outcome.status.upper():<8} {outcome.location}{name}\n         {outcome.detail}\n")
            if live:
                out.flush()
    count = sum(totals.values())
    out.write(
        f"{count} message{'' if count == 1 else 's'}: {totals[VALID]} valid, "
        f"{totals[INVALID]} invalid, {totals[ERROR]} unreadable\n"
    )
    return 0 if count and count == totals[VALID] else 1


def _page(location: str, messages: Any, summaries: bool) -> Iterator[Outcome]:
    if not isinstance(messages, list):
        yield Outcome(location, ERROR, detail=f"'raw_messages' must be an array, not {kind(messages)}")
        return
    for index, message in enumerate(messages):
        where = f"{location} raw_messages[{index}]"
        ident = message.get("msg_id") or message.get("id") if isinstance(message, dict) else None
        if isinstance(ident, str):
            where += f" {ident}"
        yield check_envelope(where, message, summaries=summaries)


def kind(value: Any) -> str:
    """What a JSON value is, for error messages: ``an object``, ``a number``..."""
    return {dict: "an object", list: "an array", str: "a string", bool: "a boolean", type(None): "null"}.get(
        type(value), "a number"
    )


def _class_for(
    topic: str, body: dict[str, Any], headers: dict[str, Any] | None
) -> tuple[type[SchemaMessage] | None, bool]:
    """The class named by the schema header when it is ours, else the class for the topic
    (as :func:`.registry.class_for_topic` picks it); and whether that class accepts the body."""
    name = (headers or {}).get("fedora_messaging_schema")
    known = registry.registered().get(name) if isinstance(name, str) else None
    if known:
        return known.cls, known.cls.accepts(body)
    candidates = _classes_for_topic(topic)
    for cls in candidates:
        if cls.accepts(body):
            return cls, True
    return (candidates[0] if candidates else None), False


@functools.lru_cache(maxsize=4096)
def _classes_for_topic(topic: str) -> list[type[SchemaMessage]]:
    """:func:`.registry.classes_for_topic`, remembered: a bulk file repeats a few topics."""
    return registry.classes_for_topic(topic)


def _headers_or_default(cls: type[SchemaMessage], headers: dict[str, Any] | None) -> dict[str, Any]:
    if headers is None:
        return {"fedora_messaging_schema": cls.schema_name, "fedora_messaging_severity": cls.severity}
    return headers


def _headers_accepted(cls: type[SchemaMessage], headers: dict[str, Any] | None) -> bool:
    """True when ``Message.validate`` would find no fault with the headers."""
    checked = _headers_or_default(cls, headers)
    return all(schema.is_valid(checked) for schema in _headers_schemas(cls))


@functools.cache
def _headers_schemas(cls: type[SchemaMessage]) -> tuple[CompiledSchema, ...]:
    from .validation import CompiledSchema  # jsonschema-rs, imported when first needed

    schemas = [cls.headers_schema]
    if Message.headers_schema != cls.headers_schema:
        schemas.append(Message.headers_schema)
    return tuple(CompiledSchema(schema) for schema in schemas)
