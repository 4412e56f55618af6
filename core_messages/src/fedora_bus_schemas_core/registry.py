"""The collection's classes, found through the ``fedora.messages`` entry points.

Nothing here keeps a list by hand: installing an app package is what makes its classes known.
"""

from __future__ import annotations

import functools
import warnings
from collections import defaultdict
from typing import Any, NamedTuple

from fedora_messaging.message import Message

from .compat import metadata
from .conflicts import ENTRY_POINT_GROUP
from .message import SchemaMessage

#: Every app package of the collection imports as ``fedora_bus_schemas_<app>``.
APP_PACKAGE_PREFIX = "fedora_bus_schemas_"


class RegisteredSchema(NamedTuple):
    """One class of the collection as the entry points register it.

    (A named tuple rather than a dataclass: creating a dataclass costs a third of a millisecond at
    import, more than loading a dozen classes.)
    """

    name: str
    cls: type[SchemaMessage]
    distribution: str
    version: str

    @property
    def topic(self) -> str:
        return self.cls.topic

    @property
    def import_path(self) -> str:
        return f"{self.cls.__module__}.{self.cls.__qualname__}"

    @property
    def package(self) -> str:
        """The top-level import package, ``fedora_bus_schemas_<app>``."""
        return self.cls.__module__.partition(".")[0]

    @property
    def app(self) -> str:
        """The app the class belongs to, e.g. ``greenwave``."""
        return self.package.removeprefix(APP_PACKAGE_PREFIX)


@functools.cache
def registered() -> dict[str, RegisteredSchema]:
    """Every installed class of the collection, by schema name, sorted by name."""
    found: dict[str, RegisteredSchema] = {}
    # (name, version) per distribution: each read parses its metadata file, so read it once.
    releases: dict[int, tuple[str, str]] = {}
    for entry_point in metadata.entry_points(group=ENTRY_POINT_GROUP):
        if entry_point.name in found:
            continue
        try:
            cls = entry_point.load()
        except Exception as error:  # a broken third-party package must not hide ours
            warnings.warn(
                f"cannot load schema entry point {entry_point.name!r} ({entry_point.value}): {error}",
                RuntimeWarning,
                stacklevel=2,
            )
            continue
        if isinstance(cls, type) and issubclass(cls, SchemaMessage):
            dist = entry_point.dist
            if dist is not None and id(dist) not in releases:
                about = dist.metadata
                releases[id(dist)] = (about["Name"], about["Version"])
            distribution, version = releases.get(id(dist), ("", ""))
            found[entry_point.name] = RegisteredSchema(
                name=entry_point.name, cls=cls, distribution=distribution, version=version
            )
    return dict(sorted(found.items()))


@functools.cache
def _by_topic() -> dict[str, list[RegisteredSchema]]:
    topics: dict[str, list[RegisteredSchema]] = defaultdict(list)
    for schema in registered().values():
        topics[schema.topic].append(schema)
    for candidates in topics.values():
        # Current classes first, newest schema name first among equals.
        candidates.sort(key=lambda schema: schema.name, reverse=True)
        candidates.sort(key=lambda schema: schema.cls.deprecated)
    return dict(topics)


def bare_topic(topic: str) -> str | None:
    """The known topic that ``topic`` ends with, e.g. without ``org.fedoraproject.prod.``."""
    known = _by_topic()
    parts = topic.split(".")
    for start in range(len(parts)):
        candidate = ".".join(parts[start:])
        if candidate in known:
            return candidate
    return None


def classes_for_topic(topic: str) -> list[type[SchemaMessage]]:
    """The classes for a (possibly prefixed) topic, preferred first: current before deprecated."""
    bare = bare_topic(topic)
    return [schema.cls for schema in _by_topic().get(bare, [])] if bare else []


def class_for_topic(topic: str, body: Any = None) -> type[SchemaMessage] | None:
    """The class for ``topic``; with ``body``, the preferred class whose schema accepts it.

    Bodies of an older shape (a deprecated class's schema) thus get the class that describes
    them; if no class accepts the body, the preferred one is returned so validating it reports
    the error against the current schema.
    """
    candidates = classes_for_topic(topic)
    if body is not None:
        for cls in candidates:
            if cls.accepts(body):
                return cls
    return candidates[0] if candidates else None


#: Schema names of classes that describe no topic in particular: fedora-messaging's base class, and
#: the upstream ``ci-messages`` wrapper (one class for every ``ci.*`` topic, its schema read from disk).
GENERIC_SCHEMA_NAMES = frozenset({"base.message", "ci_messages.CIMessageV1"})


def _is_generic(message: Message) -> bool:
    """True for a message whose class is not specific to its topic, by the schema name it carries."""
    if type(message) is Message:
        return True
    if isinstance(message, SchemaMessage):
        return False
    headers = getattr(message, "_headers", None)
    return isinstance(headers, dict) and headers.get("fedora_messaging_schema") in GENERIC_SCHEMA_NAMES


def as_typed(message: Message) -> Message:
    """Turn a received message into this collection's class for its topic, validated.

    Greenwave, WaiverDB and ResultsDB publish with fedora-messaging's plain ``Message`` (schema
    header ``base.message``); a consumer calls this in its callback to get the typed class, with
    the same id, headers, body and queue. Messages received as a generic class of another package
    (:data:`GENERIC_SCHEMA_NAMES`) are typed too. Messages that already have a specific class, and
    topics the collection does not know, are returned unchanged.

    Raises:
        jsonschema.ValidationError: the body does not match the class for its topic.
    """
    if not _is_generic(message):
        return message
    cls = class_for_topic(message.topic, message.body)
    if cls is None:
        return message
    typed = cls(
        body=message.body,
        topic=message.topic,
        properties=message._properties,
        severity=message.severity,
    )
    typed.queue = message.queue
    typed.validate()
    return typed
