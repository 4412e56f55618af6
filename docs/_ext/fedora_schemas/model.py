"""What the docs say about each installed class, read from the packages themselves.

Everything comes from :func:`fedora_bus_schemas_core.registry.registered` (the ``fedora.messages``
entry points) and the samples the packages ship: nothing here lists an app or a topic.
"""

from __future__ import annotations

import copy
import inspect
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from importlib import metadata
from itertools import groupby
from typing import Any

import jsonschema
from fedora_messaging import message as fm_message

from fedora_bus_schemas_core import registry, samples
from fedora_bus_schemas_core.message import SchemaMessage

#: Folder of the build output (and of the generated sources) that holds per-app files.
APPS_DIR = "apps"
#: Folder of the build output that serves the JSON Schema files.
SCHEMAS_DIR = "schemas"
#: Placeholder queue name: Fedora's public broker wants a UUID of your own (``uuidgen``).
QUEUE_PLACEHOLDER = "00000000-0000-0000-0000-000000000000"

SEVERITY_NAMES = {
    fm_message.DEBUG: "DEBUG",
    fm_message.INFO: "INFO",
    fm_message.WARNING: "WARNING",
    fm_message.ERROR: "ERROR",
}


class SampleError(Exception):
    """A shipped sample does not validate against its class."""


@dataclass(frozen=True)
class Schema:
    """One registered class: a schema name, its topic and where it comes from."""

    entry: registry.RegisteredSchema

    @property
    def name(self) -> str:
        return self.entry.name

    @property
    def cls(self) -> type[SchemaMessage]:
        return self.entry.cls

    @property
    def topic(self) -> str:
        return self.cls.topic

    @property
    def package(self) -> str:
        return self.entry.package

    @property
    def app(self) -> str:
        return self.entry.app

    @property
    def import_path(self) -> str:
        return self.entry.import_path

    @property
    def distribution(self) -> str:
        return self.entry.distribution

    @property
    def version(self) -> str:
        return self.entry.version

    @property
    def deprecated(self) -> bool:
        return bool(self.cls.deprecated)

    @property
    def replaced_by(self) -> str | None:
        return self.cls.replaced_by

    @property
    def severity(self) -> str:
        value = self.cls.severity
        return f"{SEVERITY_NAMES.get(value, 'custom')} ({value})"

    @property
    def routing_key(self) -> str:
        """The routing key production traffic carries: the class's ``topic_prefix`` and topic."""
        return f"{self.cls.topic_prefix or ''}{self.topic}"

    @property
    def body_schema(self) -> Mapping[str, Any]:
        return self.cls.body_schema

    @property
    def docname(self) -> str:
        """The generated document of the app."""
        return f"{APPS_DIR}/{self.app}"

    @property
    def anchor(self) -> str:
        """The HTML id of its section: ``greenwave.decision.update.v1`` → dashes for the dots."""
        return re.sub(r"[^a-z0-9]+", "-", self.name.lower()).strip("-")

    @property
    def target(self) -> str:
        """Its section, as a link target of :func:`markup.output_link`."""
        return f"{self.docname}#{self.anchor}"

    @property
    def schema_file(self) -> str:
        """Where the build output serves the JSON Schema, relative to its root."""
        return f"{SCHEMAS_DIR}/{self.app}/{self.name}.json"

    @cached_property
    def docstring(self) -> list[str]:
        """The class docstring as paragraphs (each one line); the first says what the topic means."""
        text = inspect.cleandoc(self.cls.__doc__ or "")  # the class's own, never a base class's
        return [" ".join(block.split()) for block in text.split("\n\n") if block.strip()]

    @property
    def headline(self) -> str:
        """One line describing the topic: the docstring's first paragraph, or the schema's title."""
        if self.docstring:
            return self.docstring[0]
        return str(self.body_schema.get("description") or self.topic)


@dataclass(frozen=True)
class App:
    """The classes of one app package."""

    name: str
    package: str
    distribution: str
    version: str
    schemas: tuple[Schema, ...]

    @property
    def docname(self) -> str:
        return f"{APPS_DIR}/{self.name}"

    @property
    def summary(self) -> str:
        """The distribution's one-line summary."""
        try:
            return metadata.metadata(self.distribution)["Summary"] or ""
        except (metadata.PackageNotFoundError, KeyError):
            return ""


@dataclass(frozen=True)
class Example:
    """What a consumer gets from the first shipped sample of a class."""

    sample: str
    body: Mapping[str, Any]
    summary: str
    text: str
    properties: tuple[tuple[str, Any], ...]


def schemas() -> list[Schema]:
    """Every installed class of the collection, sorted by app, then schema name."""
    found = [Schema(entry) for entry in registry.registered().values()]
    return sorted(found, key=lambda schema: (schema.app, schema.name))


def apps() -> list[App]:
    """The installed app packages that register at least one class, by name."""
    result = []
    for name, group in groupby(schemas(), key=lambda schema: schema.app):
        members = tuple(group)
        first = members[0]
        result.append(App(name, first.package, first.distribution, first.version, members))
    return result


def by_name() -> dict[str, Schema]:
    return {schema.name: schema for schema in schemas()}


def first_sample(cls: type[SchemaMessage]) -> samples.Sample | None:
    """The sample shown for a class: the first one its package ships (by file name)."""
    found = samples.load(cls)
    return found[0] if found else None


def sample_problem(cls: type[SchemaMessage], body: Any) -> str | None:
    """Why ``body`` is not a valid message of ``cls``, or None when it is."""
    if not isinstance(body, dict):
        return f"the sample is not a JSON object but {type(body).__name__}"
    try:
        cls(body=copy.deepcopy(body)).validate()
    except jsonschema.ValidationError as error:
        return f"{error.json_path}: {error.message}"
    except Exception as error:  # a class that cannot even be built is a broken sample too
        return f"{type(error).__name__}: {error}"
    return None


def check_samples() -> tuple[list[str], list[str]]:
    """Validate the first sample of every class: (problems, schema names without a sample)."""
    problems: list[str] = []
    missing: list[str] = []
    for schema in schemas():
        sample = first_sample(schema.cls)
        if sample is None:
            missing.append(schema.name)
            continue
        problem = sample_problem(schema.cls, sample.body)
        if problem:
            problems.append(f"{schema.name}, sample {sample.name!r}: {problem}")
    return problems, missing


def example(schema: Schema) -> Example | None:
    """The example shown for ``schema``, or None if its package ships no sample.

    Raises:
        SampleError: the sample does not validate.
    """
    sample = first_sample(schema.cls)
    if sample is None:
        return None
    problem = sample_problem(schema.cls, sample.body)
    if problem:
        raise SampleError(f"{schema.name}, sample {sample.name!r}: {problem}")
    message = schema.cls(body=copy.deepcopy(sample.body))
    properties = (
        ("usernames", message.usernames),
        ("packages", message.packages),
        ("url", message.url),
        ("agent_name", message.agent_name),
        ("groups", message.groups),
        ("containers", message.containers),
        ("modules", message.modules),
        ("flatpaks", message.flatpaks),
    )
    always = {"usernames", "packages", "url"}
    return Example(
        sample=sample.name,
        body=sample.body,
        summary=message.summary,
        text=str(message),
        properties=tuple((key, value) for key, value in properties if key in always or value),
    )


def binding_toml(schema: Schema) -> str:
    """A ``config.toml`` fragment that binds a queue to the topic as production publishes it."""
    key = json.dumps(schema.routing_key)  # a JSON string is a valid TOML basic string
    return (
        f"# Receive {schema.topic} as Fedora's production bus publishes it.\n"
        "# On Fedora's public broker a queue name must be a UUID: replace it with `uuidgen`'s output.\n"
        "[[bindings]]\n"
        f'queue = "{QUEUE_PLACEHOLDER}"\n'
        'exchange = "amq.topic"\n'
        f"routing_keys = [{key}]\n"
        "\n"
        f"[queues.{QUEUE_PLACEHOLDER}]\n"
        "durable = false\n"
        "auto_delete = true\n"
        "exclusive = true\n"
        "arguments = {}\n"
    )
