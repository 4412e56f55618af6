"""Flattening a JSON Schema into the rows of a field table.

Nested objects become dotted paths (``update.builds[].nvr``), map values ``data.<key>``. Local
``$ref`` and ``allOf`` are merged into the property that uses them; ``anyOf``/``oneOf`` add their
types and the fields of their object shapes. A definition used at several places is listed once,
where it is nearest the top; its other places point there (``same_as``).
"""

from __future__ import annotations

import json
import re
from collections import deque
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

#: Deepest nesting listed; deeper levels of a (recursive) schema are left out.
MAX_DEPTH = 12
#: Keywords shown as notes next to a field's description, with their labels.
NOTE_KEYWORDS = {
    "pattern": "pattern",
    "format": "format",
    "default": "default",
    "minLength": "min length",
    "maxLength": "max length",
    "minimum": "minimum",
    "maximum": "maximum",
    "exclusiveMinimum": "greater than",
    "exclusiveMaximum": "less than",
    "minItems": "min items",
    "maxItems": "max items",
    "uniqueItems": "unique items",
    "minProperties": "min keys",
    "maxProperties": "max keys",
}
_PLAIN_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
_SCALAR_TYPES = {bool: "boolean", int: "integer", float: "number", str: "string", type(None): "null"}


@dataclass
class Field:
    """One row of a field table."""

    path: str
    types: tuple[str, ...]
    #: True/False for a named key of an object; None for array items and map values.
    required: bool | None
    enum: tuple[Any, ...] = ()
    description: str = ""
    #: (label, value) pairs such as ("pattern", "^[0-9]+$").
    notes: tuple[tuple[str, str], ...] = ()
    item_types: tuple[str, ...] = ()
    #: Path of the row whose nested fields this one shares (its definition is listed there).
    same_as: str | None = None
    depth: int = 0
    children: list[Field] = field(default_factory=list, repr=False)

    @property
    def nullable(self) -> bool:
        return "null" in self.types or None in self.enum


def flatten(schema: Mapping[str, Any]) -> list[Field]:
    """The rows for every field of ``schema``, in document order (the top level itself excluded)."""
    walker = _Walker(schema)
    top = Field(path="", types=("object",), required=None)
    queue: deque[tuple[Field, Mapping[str, Any]]] = deque([(top, schema)])
    expanded: dict[str, str] = {}
    # Breadth first, so that a shared definition is expanded at its shallowest place.
    while queue:
        parent, node = queue.popleft()
        merged, origin = walker.combine(node)
        _describe(parent, merged, walker)
        children = list(walker.children(parent, merged))
        if origin and children and parent.path:
            if origin in expanded:
                # Listed already: keep only what this place says of its own.
                parent.same_as = expanded[origin]
                parent.description = str(node.get("description") or "")
                continue
            expanded[origin] = parent.path
        if parent.depth >= MAX_DEPTH:
            continue
        for child, child_node in children:
            parent.children.append(child)
            queue.append((child, child_node))
    return list(_preorder(top))[1:]


def _preorder(node: Field) -> Iterator[Field]:
    yield node
    for child in node.children:
        yield from _preorder(child)


def _describe(target: Field, node: Mapping[str, Any], walker: _Walker) -> None:
    target.types = _types(node) or target.types
    if "const" in node:
        target.enum = (node["const"],)
    elif isinstance(node.get("enum"), list):
        target.enum = tuple(node["enum"])
    target.description = str(node.get("description") or "")
    items = node.get("items")
    if isinstance(items, Mapping):
        target.item_types = _types(walker.combine(items)[0])
    target.notes = tuple(_notes(node))


def _notes(node: Mapping[str, Any]) -> Iterator[tuple[str, str]]:
    for keyword, label in NOTE_KEYWORDS.items():
        if keyword in node:
            value = node[keyword]
            yield label, value if isinstance(value, str) and keyword != "default" else json.dumps(value)
    forbidden = node.get("not")
    if isinstance(forbidden, Mapping):
        if "const" in forbidden:
            yield "never", json.dumps(forbidden["const"])
        elif isinstance(forbidden.get("enum"), list):
            yield "none of", ", ".join(json.dumps(value) for value in forbidden["enum"])
    if node.get("additionalProperties") is False:
        yield "other keys", "not allowed"
    shapes = node.get("x-shapes")
    if shapes:
        yield "one of the shapes", ", ".join(shapes)


def _types(node: Mapping[str, Any]) -> tuple[str, ...]:
    declared = node.get("type")
    if isinstance(declared, str):
        return (declared,)
    if isinstance(declared, list):
        return tuple(str(kind) for kind in declared)
    values = [node["const"]] if "const" in node else node.get("enum")
    if isinstance(values, list) and values:
        return tuple(dict.fromkeys(_SCALAR_TYPES.get(type(value), "object") for value in values))
    if "properties" in node or "additionalProperties" in node:
        return ("object",)
    if "items" in node:
        return ("array",)
    return ()


class _Walker:
    """Resolves references within one schema document."""

    def __init__(self, root: Mapping[str, Any]) -> None:
        self.root = root

    def pointer(self, ref: str) -> Mapping[str, Any]:
        if not ref.startswith("#"):
            raise ValueError(f"only local references are documented, not {ref!r}")
        node: Any = self.root
        for part in [p for p in ref[1:].split("/") if p]:
            node = node[part.replace("~1", "/").replace("~0", "~")]
        return node

    def resolve(self, node: Mapping[str, Any]) -> tuple[dict[str, Any], str | None]:
        """``node`` with its ``$ref`` and ``allOf`` merged in (its own keys win), and their origin."""
        merged = dict(node)
        origin = None
        seen: set[str] = set()
        while isinstance(merged.get("$ref"), str) and merged["$ref"] not in seen:
            ref = merged.pop("$ref")
            seen.add(ref)
            origin = origin or ref
            merged = _merge(merged, self.pointer(ref))
        for part in merged.pop("allOf", None) or []:
            resolved, part_origin = self.resolve(part)
            origin = origin or part_origin
            merged = _merge(merged, resolved)
        return merged, origin

    def combine(self, node: Mapping[str, Any]) -> tuple[dict[str, Any], str | None]:
        """:meth:`resolve`, plus the types and object fields of ``anyOf``/``oneOf`` alternatives."""
        merged, origin = self.resolve(node)
        alternatives = [
            self.resolve(alt) for key in ("anyOf", "oneOf") for alt in merged.pop(key, None) or []
        ]
        if not alternatives:
            return merged, origin
        if "type" not in merged:
            merged["type"] = list(dict.fromkeys(kind for alt, _ in alternatives for kind in _types(alt)))
        shapes = [(alt, alt_origin) for alt, alt_origin in alternatives if "object" in _types(alt)]
        if shapes:
            properties: dict[str, Any] = {}
            for shape, _ in shapes:
                properties.update(
                    {k: v for k, v in shape.get("properties", {}).items() if k not in properties}
                )
            properties.update(merged.get("properties", {}))
            merged["properties"] = properties
            common = set.intersection(*(set(shape.get("required", [])) for shape, _ in shapes))
            merged["required"] = [*merged.get("required", []), *sorted(common)]
            if len(shapes) == 1:
                origin = origin or shapes[0][1]
                merged.setdefault("description", shapes[0][0].get("description"))
            else:
                merged["x-shapes"] = [(o or "").rpartition("/")[2] or "inline" for _, o in shapes]
        for alt, _ in alternatives:
            if "items" in alt:
                merged.setdefault("items", alt["items"])
        return merged, origin

    def children(self, parent: Field, node: Mapping[str, Any]) -> Iterator[tuple[Field, Mapping[str, Any]]]:
        depth = parent.depth + 1
        required = set(node.get("required", []))
        for key, child in (node.get("properties") or {}).items():
            if isinstance(child, Mapping):
                yield Field(_join(parent.path, key), (), key in required, depth=depth), child
        extra = node.get("additionalProperties")
        if isinstance(extra, Mapping):
            yield Field(_join(parent.path, "<key>", plain=True), (), None, depth=depth), extra
        for pattern, child in (node.get("patternProperties") or {}).items():
            if isinstance(child, Mapping):
                path = _join(parent.path, f"<key matching {pattern}>", plain=True)
                yield Field(path, (), None, depth=depth), child
        items = node.get("items")
        if isinstance(items, Mapping):
            yield Field(f"{parent.path}[]", (), None, depth=depth), items


def _join(path: str, key: str, plain: bool = False) -> str:
    if plain or _PLAIN_KEY.match(key):
        return f"{path}.{key}" if path else key
    return f"{path}[{json.dumps(key)}]"


def _merge(own: Mapping[str, Any], other: Mapping[str, Any]) -> dict[str, Any]:
    """``other`` overlaid with ``own``; properties are merged key by key, required lists joined."""
    merged = dict(other)
    for key, value in own.items():
        if key == "properties" and isinstance(merged.get(key), Mapping):
            merged[key] = {**merged[key], **value}
        elif key == "required" and isinstance(merged.get(key), list):
            merged[key] = list(dict.fromkeys([*merged[key], *value]))
        else:
            merged[key] = value
    return merged
