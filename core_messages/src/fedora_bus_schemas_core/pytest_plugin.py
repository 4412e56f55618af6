"""A pytest plugin for consumers' tests: run them over the samples the installed packages ship.

Installing ``fedora-bus-schemas-core`` registers it (the ``pytest11`` entry point
``fedora_bus_schemas``; ``-p no:fedora_bus_schemas`` turns it off). It gives:

- the marker ``@pytest.mark.fedora_samples(*names)``: schema names, topics (with or without an
  environment prefix; a topic means every schema name published on it) or classes. The test runs
  once per shipped sample and receives it as its ``fedora_sample`` argument, a
  :class:`~fedora_bus_schemas_core.samples.Sample` (``.body``, ``.message()``, ``.name``);
- the fixture ``fedora_samples``: a function returning the samples of names, topics or classes,
  for a test that wants them all at once;
- :func:`assert_valid`: checks samples or messages against their own schema, or against a JSON
  Schema of what the consumer relies on, and fails naming each sample and the JSON path that
  does not match.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

import jsonschema
import pytest
from fedora_messaging.message import Message

from . import registry, samples
from .message import SchemaMessage
from .text import truncate

MARKER = "fedora_samples"
ARGUMENT = "fedora_sample"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        f"{MARKER}(*names): run the test once per sample shipped for each schema name, topic or "
        f"class, passed as its {ARGUMENT!r} argument (fedora-bus-schemas)",
    )


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Parametrize ``fedora_sample`` with the samples the closest ``fedora_samples`` marker names.

    A name that is not installed makes that test alone fail, saying why; the module's other
    tests still run.
    """
    marker = metafunc.definition.get_closest_marker(MARKER)
    if marker is None:
        return
    if ARGUMENT not in metafunc.fixturenames:
        pytest.fail(
            f"{metafunc.definition.nodeid}: @pytest.mark.{MARKER} needs the test to take a "
            f"{ARGUMENT!r} argument",
            pytrace=False,
        )
    try:
        if not marker.args:
            raise LookupError("give at least one schema name, topic or class")
        found = load(*marker.args, require_samples=True)
    except LookupError as error:
        problem = _UsageProblem(f"@pytest.mark.{MARKER}{_arguments(marker.args)}: {error}")
        metafunc.parametrize(ARGUMENT, [problem], ids=["no-samples"], indirect=True)
        return
    metafunc.parametrize(ARGUMENT, found, ids=[sample_id(sample) for sample in found], indirect=True)


class _UsageProblem:
    """Stands for the samples of a marker that named nothing installed."""

    def __init__(self, reason: str) -> None:
        self.reason = reason


@pytest.fixture
def fedora_sample(request: pytest.FixtureRequest) -> samples.Sample:
    """One sample, chosen by ``@pytest.mark.fedora_samples(...)``."""
    param = getattr(request, "param", None)
    if isinstance(param, samples.Sample):
        return param
    reason = (
        param.reason
        if isinstance(param, _UsageProblem)
        else f"the {ARGUMENT!r} argument is given by @pytest.mark.{MARKER}(<schema name or topic>)"
    )
    pytest.fail(reason, pytrace=False)


@pytest.fixture
def fedora_samples() -> Callable[..., list[samples.Sample]]:
    """``fedora_samples(*names)``: the samples of schema names, topics or classes, in order."""
    return load


def load(*names: str | type[SchemaMessage], require_samples: bool = False) -> list[samples.Sample]:
    """The samples of each schema name, topic or class, each sample once.

    Raises:
        LookupError: a name is neither an installed schema name nor a known topic, or
            (``require_samples``) its classes ship no sample.
    """
    found: dict[tuple[str, str], samples.Sample] = {}
    for name in names:
        loaded = [sample for cls in classes_for(name) for sample in samples.load(cls)]
        if require_samples and not loaded:
            raise LookupError(f"the installed packages ship no sample for {_label(name)}")
        for sample in loaded:
            found.setdefault((sample.schema_name, sample.name), sample)
    return list(found.values())


def classes_for(name: str | type[SchemaMessage]) -> list[type[SchemaMessage]]:
    """The class of a schema name, or the classes published on a topic (current ones first).

    Raises:
        LookupError: no installed package knows ``name``.
    """
    if isinstance(name, type):
        return [name]
    if not isinstance(name, str):
        raise LookupError(f"expected a schema name, a topic or a class, not {name!r}")
    known = registry.registered().get(name)
    if known is not None:
        return [known.cls]
    classes = registry.classes_for_topic(name)
    if classes:
        return classes
    raise LookupError(
        f"no installed package registers the schema name or topic {name!r}; "
        "`fedora-bus-schemas list` shows the installed ones"
    )


def sample_id(sample: samples.Sample) -> str:
    """How the plugin names a sample: ``<schema name>/<sample name>``."""
    return f"{sample.schema_name}/{sample.name}"


def assert_valid(
    items: samples.Sample | Message | Iterable[samples.Sample | Message],
    schema: Mapping[str, Any] | None = None,
) -> None:
    """Fail unless every sample or message matches ``schema`` (by default, its own body schema).

    ``schema`` is typically what your consumer relies on: the keys it reads and their types, as
    a JSON Schema (draft-07 unless it says otherwise with ``$schema``). The failure lists every
    mismatch as ``<schema name>/<sample>: <JSON path>: <reason>``.

    Raises:
        AssertionError: something does not match.
        jsonschema.SchemaError: ``schema`` is not a valid JSON Schema.
    """
    __tracebackhide__ = True
    checked = _checked(items)
    validators: dict[int, Any] = {}
    problems: list[str] = []
    failed = 0
    for label, body, own in checked:
        target = own if schema is None else schema
        validator = validators.get(id(target))
        if validator is None:
            validator_class = jsonschema.validators.validator_for(target, default=jsonschema.Draft7Validator)
            validator_class.check_schema(target)
            validator = validators[id(target)] = validator_class(target)
        errors = sorted(validator.iter_errors(body), key=lambda error: error.json_path)
        problems.extend(f"{label}: {error.json_path}: {truncate(error.message, 300)}" for error in errors)
        failed += bool(errors)
    if problems:
        against = "their own schemas" if schema is None else "the given schema"
        raise AssertionError(
            f"{failed} of {len(checked)} checked do not match {against}:\n  " + "\n  ".join(problems)
        )


def _checked(
    items: samples.Sample | Message | Iterable[samples.Sample | Message],
) -> list[tuple[str, Any, Mapping[str, Any]]]:
    """(label, body, own body schema) of each sample or message."""
    if isinstance(items, (samples.Sample, Message)):
        return [_one(items)]
    if isinstance(items, Mapping) or not isinstance(items, Iterable):
        raise TypeError(f"assert_valid expects samples or messages, not {_kind(items)}")
    return [_one(item) for item in items]


def _one(item: samples.Sample | Message) -> tuple[str, Any, Mapping[str, Any]]:
    if isinstance(item, samples.Sample):
        return f"sample {sample_id(item)}", item.body, item.cls.body_schema
    if isinstance(item, Message):
        name = getattr(type(item), "schema_name", "") or type(item).__name__
        return f"message {name} ({item.topic})", item.body, item.body_schema
    raise TypeError(f"assert_valid expects samples or messages, not {_kind(item)}")


def _kind(value: object) -> str:
    if isinstance(value, Mapping):
        return "a bare body (give the sample, or a message built from it)"
    return type(value).__name__


def _label(name: object) -> str:
    return name.__name__ if isinstance(name, type) else repr(name)


def _arguments(args: tuple[Any, ...]) -> str:
    return "(" + ", ".join(_label(arg) for arg in args) + ")"
