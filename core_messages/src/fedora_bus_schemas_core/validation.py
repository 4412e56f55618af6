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


class CompiledSchema:
    """One schema, checked against its metaschema and compiled once."""

    def __init__(self, schema: Mapping[str, Any]) -> None:
        validator_class = jsonschema.validators.validator_for(schema)
        # Raise the same SchemaError as jsonschema.validate() would for a broken schema.
        validator_class.check_schema(schema)
        self._exact = validator_class(schema)
        self._is_valid: Callable[[Any], bool] = self._exact.is_valid
        if jsonschema_rs is not None:
            # Formats are annotations for fedora-messaging (no format checker), and no reference
            # may ever be fetched from the network.
            self._is_valid = jsonschema_rs.validator_for(
                schema, validate_formats=False, offline=True
            ).is_valid

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


def _compile_unique(schemas: Iterable[Mapping[str, Any]]) -> list[CompiledSchema]:
    unique: list[Mapping[str, Any]] = []
    for schema in schemas:
        if not any(schema == seen for seen in unique):
            unique.append(schema)
    return [CompiledSchema(schema) for schema in unique]
