"""How many of the keys real bodies carry, at every depth, a package's schemas declare.

A key counts as declared when the schema that applies where it sits names it in ``properties``
(or ``patternProperties``), or types the values of a map (an ``additionalProperties`` schema that
says what the values are). Keys under an undeclared key count as undeclared. The bodies are the
app's samples and the bodies its upstream schema package's tests validate
(``tests/data/upstream``), and with ``--historical`` the fedmsg-era bodies of
``tests/data/historical/<app>.jsonl`` (matched by topic); the schemas are the ``fedora.messages``
entry points of one installed distribution, ours by default, or the upstream one
(``--dist pagure-messages``) for comparison.

    python tools/key_coverage.py pagure [--dist DIST] [--historical] [--min 0.9] [--top 20]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

import jsonschema

REPO = Path(__file__).resolve().parents[1]
#: Keywords that say what a value is; a subschema with none of them declares nothing about it.
TYPING_KEYWORDS = ("type", "$ref", "properties", "anyOf", "oneOf", "allOf", "enum", "const")


@dataclass
class Coverage:
    """Declared and total key counts, and the undeclared keys by path."""

    declared: int = 0
    total: int = 0
    missing: Counter[str] = field(default_factory=Counter)

    @property
    def ratio(self) -> float:
        return self.declared / self.total if self.total else 1.0

    def add(self, other: Coverage) -> None:
        self.declared += other.declared
        self.total += other.total
        self.missing.update(other.missing)


class Walker:
    """Walks a body alongside one root schema, resolving local ``$ref``s and choosing branches."""

    def __init__(self, root: dict[str, Any]) -> None:
        self.root = root
        self.validator = jsonschema.validators.validator_for(root)(root)

    def resolve(self, schema: Any) -> Any:
        while isinstance(schema, dict) and isinstance(schema.get("$ref"), str):
            reference = schema["$ref"]
            if not reference.startswith("#"):
                return {}
            target: Any = self.root
            for part in reference.lstrip("#").strip("/").split("/"):
                if part:
                    target = target.get(part.replace("~1", "/").replace("~0", "~"), {})
            schema = target
        return schema if isinstance(schema, dict) else {}

    def matches(self, schema: dict[str, Any], instance: Any) -> bool:
        try:
            return self.validator.evolve(schema=schema).is_valid(instance)
        except Exception:  # an invalid upstream subschema (e.g. a dict as "type"): keep the branch
            return True

    def applicable(self, schema: Any, instance: Any) -> list[dict[str, Any]]:
        """The schema and every subschema that applies to ``instance`` through allOf/anyOf/oneOf."""
        schema = self.resolve(schema)
        found = [schema]
        for sub in schema.get("allOf", []):
            found += self.applicable(sub, instance)
        for keyword in ("anyOf", "oneOf"):
            branches = [self.resolve(sub) for sub in schema.get(keyword, [])]
            chosen = [sub for sub in branches if self.matches(sub, instance)] or branches
            for sub in chosen:
                found += self.applicable(sub, instance)
        return found

    def walk(self, schemas: list[dict[str, Any]], instance: Any, path: str) -> Iterator[tuple[str, bool]]:
        """Yield (path, declared) for every key of every object in ``instance``."""
        applying = [sub for schema in schemas for sub in self.applicable(schema, instance)]
        if isinstance(instance, dict):
            for key, value in instance.items():
                subs = self.declarations(applying, key)
                yield f"{path}.{key}", bool(subs)
                yield from self.walk(subs, value, f"{path}.{key}")
        elif isinstance(instance, list):
            for value in instance:
                subs = [s["items"] for s in applying if isinstance(s.get("items"), dict)]
                yield from self.walk(subs, value, f"{path}[]")

    @staticmethod
    def declarations(applying: list[dict[str, Any]], key: str) -> list[dict[str, Any]]:
        subs = []
        for schema in applying:
            properties = schema.get("properties")
            if isinstance(properties, dict) and isinstance(properties.get(key), dict):
                subs.append(properties[key])
            for pattern, sub in (schema.get("patternProperties") or {}).items():
                if isinstance(sub, dict) and re.search(pattern, key):
                    subs.append(sub)
            extra = schema.get("additionalProperties")
            if isinstance(extra, dict) and not (isinstance(properties, dict) and key in properties):
                subs.append(extra)
        return [sub for sub in subs if any(word in sub for word in TYPING_KEYWORDS)]


def coverage(schema: dict[str, Any], body: Any) -> Coverage:
    """The key coverage of one body by one schema."""
    result = Coverage()
    for path, declared in Walker(schema).walk([schema], body, ""):
        result.total += 1
        if declared:
            result.declared += 1
        else:
            result.missing[path] += 1
    return result


def classes_of(distribution: str) -> dict[str, Any]:
    """Message classes by schema name, from the entry points of one installed distribution."""
    return {
        entry_point.name: entry_point.load()
        for entry_point in metadata.distribution(distribution).entry_points
        if entry_point.group == "fedora.messages"
    }


def bodies_of(app: str, classes: dict[str, Any], historical: bool) -> Iterator[tuple[str, str, Any]]:
    """(source, schema name, body) for every sample and upstream body of the app (and old ones)."""
    samples = REPO / f"{app}_messages" / "src" / f"fedora_bus_schemas_{app}" / "samples"
    for path in sorted(samples.glob("*/*.json")):
        yield "samples", path.parent.name, json.loads(path.read_text(encoding="utf-8"))
    for path in sorted((REPO / "tests" / "data" / "upstream").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            if record["schema_name"].startswith(f"{app}."):
                yield path.stem, record["schema_name"], record["body"]
    corpus = REPO / "tests" / "data" / "historical" / f"{app}.jsonl"
    if historical and corpus.is_file():
        # The newest schema name of each topic (names sort by version).
        by_topic = {cls.topic: name for name, cls in sorted(classes.items())}
        for line in corpus.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            yield "historical", by_topic.get(record["topic"], record["topic"]), record["body"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("app", help="the app, e.g. pagure (reads <app>_messages samples)")
    parser.add_argument("--dist", help="distribution whose schemas to measure (default: ours)")
    parser.add_argument("--historical", action="store_true", help="also the fedmsg-era bodies")
    parser.add_argument("--min", type=float, help="exit 1 when the overall ratio is below this")
    parser.add_argument("--top", type=int, default=15, help="how many undeclared paths to list")
    options = parser.parse_args(argv)
    classes = classes_of(options.dist or f"fedora-bus-schemas-{options.app}")
    by_source: dict[str, Coverage] = {}
    skipped = Counter[str]()
    for source, name, body in bodies_of(options.app, classes, options.historical):
        if name not in classes:
            skipped[name] += 1
            continue
        by_source.setdefault(source, Coverage()).add(coverage(classes[name].body_schema, body))
    overall = Coverage()
    for source, result in sorted(by_source.items()):
        print(f"{source}: {result.declared}/{result.total} keys declared ({result.ratio:.1%})")
        overall.add(result)
    print(f"overall: {overall.declared}/{overall.total} keys declared ({overall.ratio:.1%})")
    if skipped:
        print(f"bodies without a schema of that name: {sum(skipped.values())} ({', '.join(sorted(skipped))})")
    for path, count in overall.missing.most_common(options.top):
        print(f"  undeclared {count:5d}  {path}")
    return 1 if options.min is not None and overall.ratio < options.min else 0


if __name__ == "__main__":
    sys.exit(main())
