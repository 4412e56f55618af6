"""Sample bodies shipped with every app package, for consumers' own tests.

>>> from fedora_bus_schemas_core import samples
>>> for sample in samples.load("greenwave.decision.update.v1"):
...     message = sample.message()     # an instance of the class, ready to validate or publish
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from . import registry, resources
from .message import SchemaMessage


@dataclass(frozen=True)
class Sample:
    """One realistic message body for a schema name."""

    cls: type[SchemaMessage]
    name: str
    body: dict[str, Any] = field(repr=False)

    @property
    def schema_name(self) -> str:
        return self.cls.schema_name

    def message(self) -> SchemaMessage:
        """A new message of the sample's class carrying a copy of the body."""
        return self.cls(body=copy.deepcopy(self.body))


def load(schema: str | type[SchemaMessage]) -> list[Sample]:
    """The samples of a schema name or class, in file-name order.

    Raises:
        LookupError: no installed package registers that schema name.
    """
    cls = _resolve(schema)
    return [
        Sample(cls=cls, name=resource.name.removesuffix(".json"), body=resources.read_json(resource))
        for resource in resources.sample_files(cls.__module__, cls.schema_name)
    ]


def get(schema: str | type[SchemaMessage], name: str) -> Sample:
    """The sample called ``name`` (its file name without ``.json``).

    Raises:
        LookupError: no such schema name, or no such sample for it.
    """
    found = {sample.name: sample for sample in load(schema)}
    try:
        return found[name]
    except KeyError:
        raise LookupError(
            f"no sample {name!r} for {_resolve(schema).schema_name}; there are: {', '.join(found)}"
        ) from None


def bodies(schema: str | type[SchemaMessage]) -> list[dict[str, Any]]:
    """Just the sample bodies of a schema name or class."""
    return [sample.body for sample in load(schema)]


def load_all() -> Iterator[Sample]:
    """Every sample of every installed class of the collection."""
    for schema in registry.registered().values():
        yield from load(schema.cls)


def _resolve(schema: str | type[SchemaMessage]) -> type[SchemaMessage]:
    if isinstance(schema, type):
        return schema
    try:
        return registry.registered()[schema].cls
    except KeyError:
        raise LookupError(
            f"no installed package registers the schema name {schema!r}; "
            "`fedora-bus-schemas list` shows the installed ones"
        ) from None
