"""Validation that raises exactly what fedora-messaging raises, without its per-call cost.

``fedora_messaging.message.Message.validate`` calls ``jsonschema.validate`` four times per message:
each call re-checks the schema against its metaschema and builds a new validator. Here each schema
is checked and compiled once. A valid instance is accepted by the compiled jsonschema-rs validator
alone; an invalid one is handed to a cached ``jsonschema`` validator so that the error raised is
the very ``best_match`` error ``jsonschema.validate`` would raise.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

import jsonschema
from jsonschema.exceptions import best_match

try:
    import jsonschema_rs
except ImportError:  # pragma: no cover - distributions without the Rust wheel still validate
    jsonschema_rs = None


def _refuse_to_fetch(uri: str) -> Any:
    raise ValueError(f"schemas are self-contained: {uri} is not fetched")


class CompiledSchema:
    """One schema, checked against its metaschema and compiled once.

    jsonschema's own metaschema check costs about 5 ms for a large schema, ten times the Rust
    compilation that checks the schema too; it runs only when jsonschema-rs rejects the schema (to
    raise jsonschema's ``SchemaError``) or before jsonschema is first asked about an instance.
    """

    def __init__(self, schema: Mapping[str, Any]) -> None:
        self._schema = schema
        self._checked = jsonschema_rs is None
        validator_class = jsonschema.validators.validator_for(schema)
        if self._checked:
            # Raise the same SchemaError as jsonschema.validate() would for a broken schema.
            validator_class.check_schema(schema)
        self._exact_unchecked = validator_class(schema)
        self._is_valid: Callable[[Any], bool] = self._exact_unchecked.is_valid
        if jsonschema_rs is not None:
            # Formats are annotations for fedora-messaging (no format checker), and no reference
            # may ever be fetched from the network (a retriever that refuses: jsonschema-rs 0.34,
            # the last release for Python 3.9, has no ``offline`` switch).
            try:
                self._is_valid = jsonschema_rs.validator_for(
                    schema, validate_formats=False, retriever=_refuse_to_fetch
                ).is_valid
            except jsonschema_rs.ValidationError:
                validator_class.check_schema(schema)  # jsonschema's SchemaError when it agrees
                raise

    @property
    def _exact(self) -> jsonschema.protocols.Validator:
        if not self._checked:
            self._exact_unchecked.check_schema(self._schema)
            self._checked = True
        return self._exact_unchecked

    def is_valid(self, instance: Any) -> bool:
        """True when ``instance`` is valid; exact on the valid side, see :meth:`validate`."""
        try:
            return self._is_valid(instance)
        except (ValueError, TypeError):  # a value jsonschema-rs cannot convert: ask jsonschema
            return self._exact.is_valid(instance)

    def validate(self, instance: Any) -> None:
        """Raise ``jsonschema.ValidationError`` (the best match) if ``instance`` is invalid."""
        if self.is_valid(instance):
            return
        error = best_match(self._exact.iter_errors(instance))
        if error is not None:
            raise error


class MessageValidator:
    """The four checks of ``Message.validate``, in its order, with compiled schemas."""

    def __init__(
        self,
        headers_schemas: Iterable[Mapping[str, Any]],
        body_schemas: Iterable[Mapping[str, Any]],
    ) -> None:
        # A schema listed twice (a class that keeps the base headers schema) is checked once:
        # the first check would already have raised the same error.
        self._headers = _compile_unique(headers_schemas)
        self._body = _compile_unique(body_schemas)

    def accepts_body(self, body: Any) -> bool:
        """True when ``body`` passes every body schema."""
        return all(compiled.is_valid(body) for compiled in self._body)

    def validate(self, headers: Any, body: Any) -> None:
        for compiled in self._headers:
            compiled.validate(headers)
        for compiled in self._body:
            compiled.validate(body)


#: Keywords that only annotate: a schema with nothing else asserts just its ``type``.
ANNOTATIONS = frozenset({"$schema", "$id", "title", "description"})


def _compile_unique(schemas: Iterable[Mapping[str, Any]]) -> list[CompiledSchema]:
    """The schemas to check, in order, without those an earlier one already enforces.

    A schema listed twice (a class that keeps the base headers schema) is checked once, and so is
    fedora-messaging's base body schema (``"type": "object"`` alone) after a body schema whose top
    level is an object too: when the earlier schema accepts, the later one does; when it rejects,
    its error is the one raised. The errors stay exactly those of ``Message.validate``.
    """
    unique: list[Mapping[str, Any]] = []
    for schema in schemas:
        if any(schema == seen or _only_type_of(schema, seen) for seen in unique):
            continue
        unique.append(schema)
    return [_compiled(schema) for schema in unique]


def _only_type_of(schema: Mapping[str, Any], earlier: Mapping[str, Any]) -> bool:
    """True when ``schema`` asserts nothing but the top-level ``type`` that ``earlier`` asserts."""
    return set(schema) - ANNOTATIONS == {"type"} and schema["type"] == earlier.get("type")


#: Compiled schemas by the identity of the schema object: fedora-messaging's base headers and body
#: schemas are shared by every class, and compiled once for all of them. The schema is kept with
#: its compiled form, so its id is never reused while the entry exists.
_COMPILED: dict[int, tuple[Mapping[str, Any], CompiledSchema]] = {}


def _compiled(schema: Mapping[str, Any]) -> CompiledSchema:
    known = _COMPILED.get(id(schema))
    if known is None or known[0] is not schema:
        known = _COMPILED[id(schema)] = (schema, CompiledSchema(schema))
    return known[1]
