"""The AsyncAPI 3.0 document of the bus (``fedora-bus-schemas asyncapi``).

The official JavaScript parser (``@asyncapi/parser`` from npm) validates the document where Node
and the parser are installed: the ``docs`` tox environment installs them and sets
``FBS_REQUIRE_ASYNCAPI_PARSER=1``, which turns the skip into a failure. Elsewhere the Python tests
still check the structure, that every reference resolves and that every example validates.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT7

from fedora_bus_schemas_core import asyncapi, cli, registry, samples

#: Parses the document named by the first argument and prints what the parser found, as JSON.
PARSE_SCRIPT = r"""
const fs = require("fs");
const { Parser } = require("@asyncapi/parser");
(async () => {
  const text = fs.readFileSync(process.argv[1], "utf8");
  const { document, diagnostics } = await new Parser().parse(text);
  process.stdout.write(JSON.stringify({
    parsed: document !== undefined,
    version: document ? document.version() : null,
    diagnostics: diagnostics.map((d) => ({
      severity: d.severity, code: d.code, message: d.message, path: d.path.join("/"),
    })),
    messages: document ? document.components().messages().all().map((m) => m.id()) : [],
    channels: document ? document.channels().all().map((c) => c.address()) : [],
  }));
})().catch((error) => {
  process.stderr.write(String((error && error.stack) || error));
  process.exit(2);
});
"""
#: Severities of the parser's diagnostics (Spectral): 0 error, 1 warning, 2 information, 3 hint.
ERROR, WARNING = 0, 1
ROOT = "urn:fedora-bus-schemas:asyncapi"
REQUIRE_PARSER = "FBS_REQUIRE_ASYNCAPI_PARSER"


@pytest.fixture(scope="module")
def document() -> dict[str, Any]:
    if not registry.registered():
        pytest.skip("no app package installed")
    return asyncapi.document()


def _resolve(document: dict[str, Any], ref: str) -> Any:
    assert ref.startswith("#/"), f"not a reference inside the document: {ref}"
    node: Any = document
    for part in ref[2:].split("/"):
        part = part.replace("~1", "/").replace("~0", "~")
        assert isinstance(node, dict) and part in node, f"{ref} does not resolve (at {part!r})"
        node = node[part]
    return node


def _references(value: Any) -> Iterator[str]:
    if isinstance(value, dict):
        if isinstance(value.get("$ref"), str):
            yield value["$ref"]
        for item in value.values():
            yield from _references(item)
    elif isinstance(value, list):
        for item in value:
            yield from _references(item)


def _validator(document: dict[str, Any], pointer: str) -> jsonschema.Draft7Validator:
    """A validator for the schema at ``pointer``, references resolved within the document."""
    resources = Registry().with_resource(ROOT, Resource(contents=document, specification=DRAFT7))
    return jsonschema.Draft7Validator({"$ref": f"{ROOT}{pointer}"}, registry=resources)


def test_every_schema_name_is_a_message_on_its_topic_channel(
    document: dict[str, Any], schema: registry.RegisteredSchema
) -> None:
    cls = schema.cls
    message = document["components"]["messages"][schema.name]
    assert message["name"] == schema.name
    assert message["title"] == cls.__qualname__
    assert message["summary"] and message["description"]
    assert message.get("deprecated", False) is bool(cls.deprecated)
    if cls.deprecated and cls.replaced_by:
        assert f"`{cls.replaced_by}`" in message["description"]
    assert message["payload"]["schemaFormat"] == "application/schema+json;version=draft-07"
    assert message["headers"]["schemaFormat"] == "application/schema+json;version=draft-07"
    assert message["bindings"]["amqp"] == {
        "contentEncoding": "utf-8",
        "messageType": schema.name,
        "bindingVersion": "0.3.0",
    }

    channel = document["channels"][schema.topic]
    assert channel["address"] == "{environment}." + schema.topic
    assert channel["messages"][schema.name] == {"$ref": f"#/components/messages/{schema.name}"}
    parameter = _resolve(document, channel["parameters"]["environment"]["$ref"])
    production = cls.topic_prefix.rstrip(".")
    assert parameter["default"] == production
    assert f"{production}.{schema.topic}" == channel["address"].format(environment=parameter["default"])

    operation = document["operations"][schema.topic]
    assert operation["action"] == "send"
    assert operation["channel"] == {"$ref": f"#/channels/{schema.topic}"}
    assert {"$ref": f"#/channels/{schema.topic}/messages/{schema.name}"} in operation["messages"]


def test_the_payload_is_the_body_schema(document: dict[str, Any], schema: registry.RegisteredSchema) -> None:
    location = f"#/components/messages/{schema.name}/payload/schema"
    payload = json.dumps(_resolve(document, location))
    # Back to the shipped file's own references: the document is the base, not the file.
    restored = json.loads(payload.replace(f'"$ref": "{location}', '"$ref": "#'))
    expected = dict(schema.cls.body_schema)
    expected.pop("$id", None)
    assert restored == expected


def test_the_examples_are_the_samples_and_validate(
    document: dict[str, Any], schema: registry.RegisteredSchema
) -> None:
    message = document["components"]["messages"][schema.name]
    shipped = samples.load(schema.cls)
    examples = message.get("examples", [])
    assert [(example["name"], example["payload"]) for example in examples] == [
        (sample.name, sample.body) for sample in shipped
    ]
    payload = _validator(document, f"#/components/messages/{schema.name}/payload/schema")
    headers = _validator(document, f"#/components/messages/{schema.name}/headers/schema")
    for index, sample in enumerate(shipped):
        example = examples[index]
        assert example["summary"] == sample.message().summary
        assert example["headers"]["fedora_messaging_schema"] == schema.name
        payload.validate(example["payload"])
        headers.validate(example["headers"])
        message_headers = sample.message()._headers
        filters = {
            key: value for key, value in message_headers.items() if key.startswith("fedora_messaging_")
        }
        filters.pop("fedora_messaging_schema_package", None)  # only when fedora-messaging finds it
        assert {key: example["headers"][key] for key in filters if key in example["headers"]} == filters


def test_every_reference_resolves(document: dict[str, Any]) -> None:
    references = set(_references(document))
    assert len(references) > len(document["components"]["messages"])
    for ref in sorted(references):
        _resolve(document, ref)


def test_servers_and_bindings_describe_fedoras_broker(document: dict[str, Any]) -> None:
    assert document["asyncapi"] == "3.0.0"
    production = document["servers"]["production"]
    assert (production["host"], production["protocol"], production["pathname"]) == (
        "rabbitmq.fedoraproject.org",
        "amqps",
        "/public_pubsub",
    )
    assert document["servers"]["staging"]["host"] == "rabbitmq.stg.fedoraproject.org"
    for server in document["servers"].values():
        for requirement in server["security"]:
            assert _resolve(document, requirement["$ref"])["type"] == "X509"
    for channel in document["channels"].values():
        binding = _resolve(document, channel["bindings"]["$ref"])["amqp"]
        assert binding["is"] == "routingKey"
        assert binding["exchange"]["name"] == "amq.topic"
        assert binding["exchange"]["type"] == "topic"
    for operation in document["operations"].values():
        assert _resolve(document, operation["bindings"]["$ref"])["amqp"]["deliveryMode"] == 2


def test_the_command_writes_the_document(
    document: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bus.json"
    assert cli.main(["asyncapi", "-o", str(path)]) == 0
    assert json.loads(path.read_text(encoding="utf-8")) == document
    assert cli.main(["asyncapi"]) == 0
    assert capsys.readouterr().out == path.read_text(encoding="utf-8")


def test_the_command_says_why_it_cannot_write(
    document: dict[str, Any], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["asyncapi", "-o", str(tmp_path / "missing" / "bus.json")]) == 1
    assert "cannot write" in capsys.readouterr().err


def test_the_command_refuses_to_describe_an_empty_bus(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(registry, "registered", dict)
    assert cli.main(["asyncapi"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "no installed package registers a message class" in captured.err


def _node_with_parser() -> str:
    """The ``node`` that can load ``@asyncapi/parser``; skips (or fails when required) otherwise."""
    node = shutil.which("node")
    problem = None
    if node is None:
        problem = "node is not installed"
    else:
        found = subprocess.run(
            [node, "-e", "require.resolve('@asyncapi/parser')"], capture_output=True, text=True, check=False
        )
        if found.returncode != 0:
            problem = "the npm package @asyncapi/parser is not installed (NODE_PATH)"
    if problem:
        if os.environ.get(REQUIRE_PARSER) == "1":
            pytest.fail(f"{problem}, and {REQUIRE_PARSER}=1 requires it")
        pytest.skip(problem)
    return str(node)


def test_the_official_parser_accepts_the_document(document: dict[str, Any], tmp_path: Path) -> None:
    node = _node_with_parser()
    path = tmp_path / "asyncapi.json"
    path.write_text(asyncapi.dumps(document), encoding="utf-8")
    run = subprocess.run(
        [node, "-e", PARSE_SCRIPT, str(path)], capture_output=True, text=True, timeout=300, check=False
    )
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    problems = [d for d in report["diagnostics"] if d["severity"] in (ERROR, WARNING)]
    assert not problems, json.dumps(problems, indent=2)
    assert report["parsed"] and report["version"] == "3.0.0"
    assert sorted(report["messages"]) == sorted(registry.registered())
    assert len(report["channels"]) == len({schema.topic for schema in registry.registered().values()})


def test_the_docs_site_serves_the_document(document: dict[str, Any]) -> None:
    built = os.environ.get("FBS_DOCS_HTML")
    if not built:
        pytest.skip("FBS_DOCS_HTML is not set: the docs tox environment builds the site first")
    served = Path(built, "asyncapi.json")
    assert json.loads(served.read_text(encoding="utf-8")) == document
    assert 'href="asyncapi.json"' in Path(built, "consumers.html").read_text(encoding="utf-8")
