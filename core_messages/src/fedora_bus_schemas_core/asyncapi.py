"""The bus as one AsyncAPI 3.0 document, built from the installed classes.

``fedora-bus-schemas asyncapi`` writes it. Every installed class becomes a message (its schema
name), on the channel of its topic (the routing key on ``amq.topic``, after the environment
prefix), sent by one operation per channel; the body schema is the payload, declared as JSON
Schema draft-07, the samples are the examples. Any AsyncAPI tool (Studio, the generators, the
``@asyncapi/parser`` the tests validate it with) can read the result.
"""

from __future__ import annotations

import argparse
import copy
import inspect
import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any, TextIO

import pika

from . import __version__, registry, samples
from .compat import metadata
from .message import SchemaMessage

ASYNCAPI_VERSION = "3.0.0"
#: How the payloads and headers declare their schema language.
SCHEMA_FORMAT = "application/schema+json;version=draft-07"
AMQP_BINDING_VERSION = "0.3.0"
#: The exchange every Fedora application publishes to.
EXCHANGE = "amq.topic"
#: The virtual host anyone may consume from; it mirrors the restricted ``/pubsub`` producers use.
PUBLIC_VHOST = "/public_pubsub"
CORE_DISTRIBUTION = "fedora-bus-schemas-core"
#: Where the collection documents itself when a distribution's metadata does not say.
FALLBACK_SITE = "https://fedora-bus-schemas.readthedocs.io/"
ENVIRONMENT = "environment"

SERVERS: dict[str, dict[str, Any]] = {
    "production": {
        "host": "rabbitmq.fedoraproject.org",
        "protocol": "amqps",
        "protocolVersion": "0.9.1",
        "pathname": PUBLIC_VHOST,
        "title": "Fedora's public broker",
        "description": (
            "AMQP over TLS on port 5671. Anyone may declare queues and consume here with the "
            "public client certificate shipped with fedora-messaging (its `configs/fedora.toml`, "
            "user `fedora`); queue names must be UUIDs of your own. This virtual host mirrors "
            "`/pubsub`, where Fedora's applications publish with their own credentials. Routing "
            "keys start with `org.fedoraproject.prod.` (or the app's own production prefix)."
        ),
        "security": [{"$ref": "#/components/securitySchemes/publicCertificate"}],
    },
    "staging": {
        "host": "rabbitmq.stg.fedoraproject.org",
        "protocol": "amqps",
        "protocolVersion": "0.9.1",
        "pathname": PUBLIC_VHOST,
        "title": "Fedora's public staging broker",
        "description": (
            "The staging twin of the production broker (fedora-messaging's "
            "`configs/fedora.stg.toml`, user `fedora.stg`). Routing keys carry `stg` where "
            "production has `prod`, e.g. `org.fedoraproject.stg.`."
        ),
        "security": [{"$ref": "#/components/securitySchemes/publicCertificate"}],
    },
}

#: What fedora-messaging puts in each header it sets (``Message._build_properties``).
HEADER_DESCRIPTIONS = {
    "fedora_messaging_schema": (
        "The schema name: consumers look the class up by it. Applications that still publish with "
        "fedora-messaging's plain `Message` send `base.message` instead."
    ),
    "fedora_messaging_schema_package": (
        "The distribution that registers the schema name, normalized (lower case, `_` for `-`)."
    ),
    "fedora_messaging_severity": "How important the message is: 10 DEBUG, 20 INFO, 30 WARNING, 40 ERROR.",
    "sent-at": "When the message was published: UTC, ISO 8601, whole seconds.",
    "priority": "The publisher's priority (0 unless configured), mirrored for debugging.",
}
#: One ``fedora_messaging_<kind>_<item>: true`` header per item of each filter property.
FILTER_HEADERS = {
    "user": "usernames",
    "group": "groups",
    "rpm": "packages",
    "container": "containers",
    "module": "modules",
    "flatpak": "flatpaks",
}


class NothingInstalledError(LookupError):
    """No installed package registers a class of the collection: there is no bus to describe."""


def document() -> dict[str, Any]:
    """The AsyncAPI document of every installed class.

    Raises:
        NothingInstalledError: no package of the collection is installed.
    """
    schemas = list(registry.registered().values())
    if not schemas:
        raise NothingInstalledError(
            "no installed package registers a message class; install fedora-bus-schemas-<app> "
            "packages first (`fedora-bus-schemas list` shows what is installed)"
        )
    by_topic: dict[str, list[registry.RegisteredSchema]] = defaultdict(list)
    for schema in schemas:
        by_topic[schema.topic].append(schema)
    topics = sorted(by_topic)
    return {
        "asyncapi": ASYNCAPI_VERSION,
        "info": _info(schemas),
        "defaultContentType": "application/json",
        "servers": copy.deepcopy(SERVERS),
        "channels": {topic: _channel(topic, by_topic[topic]) for topic in topics},
        "operations": {topic: _operation(topic, by_topic[topic]) for topic in topics},
        "components": {
            "messages": {schema.name: _message(schema) for schema in schemas},
            "parameters": _parameters(schemas),
            "securitySchemes": {
                "publicCertificate": {
                    "type": "X509",
                    "description": (
                        "TLS client certificate. For the public virtual host, fedora-messaging "
                        "ships the key, certificate and CA (`fedora-key.pem`, `fedora-cert.pem`, "
                        "`cacert.pem`; `fedora.stg-*` and `stg-cacert.pem` for staging)."
                    ),
                }
            },
            "channelBindings": {
                "amqTopic": {
                    "amqp": {
                        "is": "routingKey",
                        "exchange": {
                            "name": EXCHANGE,
                            "type": "topic",
                            "durable": True,
                            "autoDelete": False,
                            "vhost": PUBLIC_VHOST,
                        },
                        "bindingVersion": AMQP_BINDING_VERSION,
                    }
                }
            },
            "operationBindings": {
                "fedoraMessagingPublish": {
                    # fedora-messaging publishes persistent messages (delivery_mode=2).
                    "amqp": {"deliveryMode": 2, "bindingVersion": AMQP_BINDING_VERSION}
                }
            },
        },
    }


def dumps(value: Mapping[str, Any]) -> str:
    """The document as the command writes it: indented JSON, non-ASCII kept, a final newline."""
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


def _info(schemas: list[registry.RegisteredSchema]) -> dict[str, Any]:
    distributions = sorted({(schema.distribution, schema.version) for schema in schemas})
    apps = sorted({schema.app for schema in schemas})
    packages = ", ".join(f"{name} {version}" for name, version in distributions)
    return {
        "title": "Fedora message bus",
        "version": __version__,
        "description": (
            "The messages Fedora's applications publish with fedora-messaging on the `amq.topic` "
            "exchange: one channel per topic (its routing key, after the environment prefix such "
            "as `org.fedoraproject.prod`), one message per schema name (the "
            "`fedora_messaging_schema` header), the body's JSON Schema as the payload and the "
            "packages' samples as examples. Operations describe the publishing applications; "
            "consumers bind their own queue to the routing keys they want.\n\n"
            f"Generated by fedora-bus-schemas {__version__} from: {packages}."
        ),
        "license": {"name": "LGPL-3.0-or-later", "url": "https://www.gnu.org/licenses/lgpl-3.0.html"},
        "tags": [{"name": app} for app in apps],
        "externalDocs": {"description": "fedora-bus-schemas", "url": _site()},
    }


def _site() -> str:
    """The collection's documentation, as the core's metadata gives it."""
    return _documentation_url(CORE_DISTRIBUTION) or FALLBACK_SITE


def _documentation_url(distribution: str) -> str | None:
    try:
        urls = metadata.metadata(distribution).get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        return None
    for entry in urls:
        label, _, url = entry.partition(",")
        if label.strip().lower() == "documentation" and url.strip():
            return url.strip()
    return None


def _prefix_family(schema: registry.RegisteredSchema) -> tuple[str, str]:
    """The parameter for a class: its key and the production prefix, without the final dot."""
    production = (schema.cls.topic_prefix or "").rstrip(".")
    family = re.sub(r"\.prod$", "", production) or "none"
    return family, production


def _parameters(schemas: Iterable[registry.RegisteredSchema]) -> dict[str, Any]:
    """One ``environment`` parameter per family of prefixes (``org.fedoraproject``...)."""
    parameters: dict[str, Any] = {}
    for schema in schemas:
        family, production = _prefix_family(schema)
        if family in parameters:
            continue
        examples = [production]
        if production.endswith(".prod"):
            examples.append(production[: -len("prod")] + "stg")
        parameters[family] = {
            "description": (
                "The environment prefix of the routing key, without its final dot: "
                f"`{production}` in production"
                + (f", `{examples[1]}` in staging." if len(examples) > 1 else ".")
            ),
            "default": production,
            "examples": examples,
        }
    return parameters


def _pointer(*parts: str) -> str:
    """A JSON pointer into this document (RFC 6901 escapes)."""
    return "#/" + "/".join(part.replace("~", "~0").replace("/", "~1") for part in parts)


def _message_pointer(schema: registry.RegisteredSchema, *within: str) -> str:
    return _pointer("components", "messages", schema.name, *within)


def _channel(topic: str, schemas: list[registry.RegisteredSchema]) -> dict[str, Any]:
    family, _ = _prefix_family(schemas[0])
    names = ", ".join(f"`{schema.name}`" for schema in schemas)
    return {
        "address": f"{{{ENVIRONMENT}}}.{topic}",
        "title": topic,
        "summary": _headline(_current(schemas)),
        "description": (
            f"Messages published by {schemas[0].app} with the routing key `<environment>.{topic}` "
            f"on the `{EXCHANGE}` exchange. Schema names: {names}."
        ),
        "messages": {schema.name: {"$ref": _message_pointer(schema)} for schema in schemas},
        "parameters": {ENVIRONMENT: {"$ref": _pointer("components", "parameters", family)}},
        "bindings": {"$ref": _pointer("components", "channelBindings", "amqTopic")},
        "tags": [{"name": schemas[0].app}],
    }


def _operation(topic: str, schemas: list[registry.RegisteredSchema]) -> dict[str, Any]:
    return {
        "action": "send",
        "channel": {"$ref": _pointer("channels", topic)},
        "title": f"Publish {topic}",
        "summary": f"{schemas[0].app} publishes {topic}.",
        "messages": [{"$ref": _pointer("channels", topic, "messages", schema.name)} for schema in schemas],
        "bindings": {"$ref": _pointer("components", "operationBindings", "fedoraMessagingPublish")},
        "tags": [{"name": schemas[0].app}],
    }


def _current(schemas: list[registry.RegisteredSchema]) -> registry.RegisteredSchema:
    """The class a topic's new messages use: the first that is not deprecated."""
    return next((schema for schema in schemas if not schema.cls.deprecated), schemas[0])


def _docstring(cls: type[SchemaMessage]) -> list[str]:
    """The class's own docstring as one-line paragraphs (never a base class's)."""
    text = inspect.cleandoc(cls.__dict__.get("__doc__") or "")
    return [" ".join(block.split()) for block in text.split("\n\n") if block.strip()]


def _headline(schema: registry.RegisteredSchema) -> str:
    paragraphs = _docstring(schema.cls)
    return paragraphs[0] if paragraphs else str(schema.cls.body_schema.get("description") or schema.topic)


def _message(schema: registry.RegisteredSchema) -> dict[str, Any]:
    cls = schema.cls
    paragraphs = _docstring(cls)[1:]
    described = cls.body_schema.get("description")
    if described:
        paragraphs.append(str(described))
    paragraphs.append(
        f"Python class `{schema.import_path}` from the distribution `{schema.distribution}` "
        f"{schema.version}; the body schema is served at {cls.body_schema.get('$id') or 'its docs page'}."
    )
    if cls.deprecated:
        replacement = f" Its replacement is `{cls.replaced_by}`." if cls.replaced_by else ""
        paragraphs.append(f"Deprecated: producers are moving away from this schema name.{replacement}")
    message: dict[str, Any] = {
        "name": schema.name,
        "title": cls.__qualname__,
        "summary": _headline(schema),
        "description": "\n\n".join(paragraphs),
        "contentType": "application/json",
        "headers": {"schemaFormat": SCHEMA_FORMAT, "schema": _headers_schema(schema)},
        "payload": {
            "schemaFormat": SCHEMA_FORMAT,
            "schema": _payload_schema(cls.body_schema, _message_pointer(schema, "payload", "schema")),
        },
    }
    if cls.deprecated:
        message["deprecated"] = True
    examples = [_example(schema, sample) for sample in samples.load(cls)]
    if examples:
        message["examples"] = examples
    binding = {"contentEncoding": "utf-8", "messageType": schema.name, "bindingVersion": AMQP_BINDING_VERSION}
    message["bindings"] = {"amqp": binding}
    message["tags"] = [{"name": schema.app}]
    page = _documentation_url(schema.distribution)
    if page:
        message["externalDocs"] = {"description": f"{schema.app} on fedora-bus-schemas", "url": page}
    return message


def _payload_schema(body_schema: Mapping[str, Any], location: str) -> dict[str, Any]:
    """The body schema placed at ``location`` (a pointer), its local references made absolute.

    Within an AsyncAPI document ``#`` is the document, so ``#/definitions/x`` becomes
    ``#/<location>/definitions/x``; the ``$id`` goes (it would move the base URI away from the
    document), the URL it named is kept in the message's description.
    """
    schema = copy.deepcopy(dict(body_schema))
    schema.pop("$id", None)
    return _rebase(schema, location)


def _rebase(value: Any, prefix: str) -> Any:
    if isinstance(value, dict):
        result = {key: _rebase(item, prefix) for key, item in value.items()}
        ref = value.get("$ref")
        if isinstance(ref, str) and ref.startswith("#"):
            result["$ref"] = prefix + ref[1:]
        return result
    if isinstance(value, list):
        return [_rebase(item, prefix) for item in value]
    return value


def _headers_schema(schema: registry.RegisteredSchema) -> dict[str, Any]:
    """fedora-messaging's headers schema for the class, with what each header carries."""
    cls = schema.cls
    headers = copy.deepcopy(dict(cls.headers_schema))
    headers.pop("$schema", None)
    properties = headers.setdefault("properties", {})
    # fedora-messaging sets these (its schema leaves ``priority`` out); keep its types where given.
    types = {"fedora_messaging_severity": "integer", "priority": "integer"}
    for name, text in HEADER_DESCRIPTIONS.items():
        given = properties.get(name, {})
        properties[name] = {"type": types.get(name, "string"), **given, "description": text}
    properties["fedora_messaging_schema"]["examples"] = [schema.name]
    properties["fedora_messaging_schema_package"]["examples"] = [_schema_package(schema.distribution)]
    properties["fedora_messaging_severity"]["default"] = cls.severity
    kinds = "|".join(FILTER_HEADERS)
    headers.setdefault("patternProperties", {})[f"^fedora_messaging_({kinds})_"] = {
        "description": (
            "One header per item of the message's `usernames` (user), `groups` (group), "
            "`packages` (rpm), `containers`, `modules` and `flatpaks`, for filtering on the broker."
        ),
        "type": "boolean",
        "enum": [True],
    }
    return headers


def _schema_package(distribution: str) -> str:
    """The distribution as fedora-messaging writes it into ``fedora_messaging_schema_package``."""
    return re.sub(r"[-_.]+", "_", distribution).lower()


def _example(schema: registry.RegisteredSchema, sample: samples.Sample) -> dict[str, Any]:
    """A sample as an AsyncAPI example: the headers fedora-messaging would set, and the body."""
    cls = schema.cls
    headers: dict[str, Any] = {
        "fedora_messaging_schema": schema.name,
        "fedora_messaging_schema_package": _schema_package(schema.distribution),
        "fedora_messaging_severity": cls.severity,
    }
    # Given properties, the constructor neither reads the configuration nor stamps the time.
    message = cls(body=copy.deepcopy(sample.body), properties=pika.BasicProperties(headers=dict(headers)))
    headers.update(message._filter_headers())
    return {"name": sample.name, "summary": message.summary, "headers": headers, "payload": sample.body}


def add_parser(commands: argparse._SubParsersAction) -> None:
    """Register ``fedora-bus-schemas asyncapi`` on the command's subparsers."""
    parser = commands.add_parser(
        "asyncapi",
        help="write an AsyncAPI 3.0 document of every installed schema",
        description=(
            "Write one AsyncAPI 3.0 document (JSON) describing the bus as the installed packages "
            "know it: Fedora's brokers, a channel per topic, a message per schema name with its "
            "body schema, headers and samples."
        ),
    )
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
    parser.set_defaults(run=_run)


def _run(args: argparse.Namespace, out: TextIO) -> int:
    try:
        text = dumps(document())
    except NothingInstalledError as error:
        sys.stderr.write(f"fedora-bus-schemas asyncapi: {error}\n")
        return 1
    if args.output:
        try:
            with open(args.output, "w", encoding="utf-8") as stream:
                stream.write(text)
        except OSError as error:
            sys.stderr.write(f"fedora-bus-schemas asyncapi: cannot write {args.output}: {error.strerror}\n")
            return 1
    else:
        out.write(text)
    return 0
