"""Walking a schema alongside a body: the object nodes to lint, and the mutations to reject."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

from jsonschema import Draft7Validator

Path = tuple[str | int, ...]

#: One value of each JSON type, used to put a value of the wrong type in place.
WRONG_VALUES: tuple[Any, ...] = ({"unexpected": "object"}, ["unexpected"], "unexpected", 7, 7.5, True, None)


def _follow(root: dict[str, Any], node: Any) -> Any:
    seen = 0
    while isinstance(node, dict) and "$ref" in node and seen < 32:
        target: Any = root
        for part in node["$ref"].removeprefix("#/").split("/"):
            if part:
                target = target[part.replace("~1", "/").replace("~0", "~")]
        node, seen = target, seen + 1
    return node


def _subschemas(root: dict[str, Any], node: Any) -> Iterator[dict[str, Any]]:
    """The node and every ``allOf`` member: all of them constrain the same instance."""
    node = _follow(root, node)
    if isinstance(node, dict):
        yield node
        for member in node.get("allOf", []):
            yield from _subschemas(root, member)


def nodes_with_properties(root: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Every schema node that declares ``properties``, with a readable path."""

    def walk(node: Any, path: str) -> Iterator[tuple[str, dict[str, Any]]]:
        if isinstance(node, list):
            for index, item in enumerate(node):
                yield from walk(item, f"{path}[{index}]")
        elif isinstance(node, dict):
            if isinstance(node.get("properties"), dict):
                yield path, node
            for key, value in node.items():
                if key in ("properties", "definitions"):
                    for name, sub in value.items():
                        yield from walk(sub, f"{path}.{name}")
                elif key in ("items", "additionalProperties", "allOf", "anyOf", "oneOf", "not"):
                    yield from walk(value, f"{path}/{key}")

    yield from walk(root, "$")


def mutations(root: dict[str, Any], body: Any) -> Iterator[tuple[str, Any]]:
    """Copies of ``body`` that the schema must reject: a required key dropped, a wrong type.

    Branches under ``anyOf``/``oneOf`` are not mutated: another branch might accept the change.
    """
    for path, node, value in _pairs(root, root, body, ()):
        for subschema in _subschemas(root, node):
            if isinstance(value, dict):
                for key in subschema.get("required", []):
                    if key in value:
                        yield f"drop required {_text((*path, key))}", _without(body, path, key)
            allowed = subschema.get("type")
            if allowed is not None:
                allowed = [allowed] if isinstance(allowed, str) else allowed
                for wrong in WRONG_VALUES:
                    if not any(Draft7Validator.TYPE_CHECKER.is_type(wrong, kind) for kind in allowed):
                        if path:
                            yield f"wrong type at {_text(path)}", _replaced(body, path, wrong)
                        break


def _pairs(root: dict[str, Any], node: Any, value: Any, path: Path) -> Iterator[tuple[Path, Any, Any]]:
    yield path, node, value
    for subschema in _subschemas(root, node):
        if isinstance(value, dict):
            for key, child in subschema.get("properties", {}).items():
                if key in value:
                    yield from _pairs(root, child, value[key], (*path, key))
            extra = subschema.get("additionalProperties")
            if isinstance(extra, dict):
                for key in value:
                    if key not in subschema.get("properties", {}):
                        yield from _pairs(root, extra, value[key], (*path, key))
                        break
        items = subschema.get("items")
        if isinstance(value, list) and value and isinstance(items, dict):
            yield from _pairs(root, items, value[0], (*path, 0))


def _without(body: Any, path: Path, key: str) -> Any:
    mutated = copy.deepcopy(body)
    _at(mutated, path).pop(key)
    return mutated


def _replaced(body: Any, path: Path, value: Any) -> Any:
    mutated = copy.deepcopy(body)
    _at(mutated, path[:-1])[path[-1]] = value
    return mutated


def _at(data: Any, path: Path) -> Any:
    for part in path:
        data = data[part]
    return data


def _text(path: Path) -> str:
    return "$" + "".join(f"[{part}]" if isinstance(part, int) else f".{part}" for part in path)
