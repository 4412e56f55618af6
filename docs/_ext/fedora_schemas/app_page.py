"""``.. fedora-app:: <app>``: everything about one app package, a section per schema name."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

from docutils import nodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from . import fields, markup, model

logger = logging.getLogger(__name__)

#: The last key of a field path (a name or a quoted key), with its array markers.
_LEAF = re.compile(r'(?:\["(?:[^"\\]|\\.)*"\]|[^.\[\]]+)(?:\[\])*$')

FIELD_HEADERS = ("Field", "Type", "Required", "Nullable", "Enum values", "Description")


class AppDirective(SphinxDirective):
    """The page of one app: the package, then every schema name it registers."""

    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        self.env.note_reread()  # the installed packages, not this file, decide what it shows
        name = self.arguments[0]
        app = next((app for app in model.apps() if app.name == name), None)
        if app is None:
            logger.warning("no installed package registers classes for the app %r", name, location=self)
            return []
        result: list[nodes.Node] = [*self._package(app), *self._topics(app)]
        result.extend(self._schema(schema) for schema in app.schemas)
        return result

    def _package(self, app: model.App) -> list[nodes.Node]:
        facts = markup.field_list(
            [
                ("Package", [markup.code(app.distribution), nodes.Text(f" {app.version}")]),
                ("Import", markup.code(app.package)),
            ],
            classes=["fbs-facts"],
        )
        install = markup.code_block(f"pip install {app.distribution}", "console")
        return [markup.prose(app.summary), facts, install] if app.summary else [facts, install]

    def _topics(self, app: model.App) -> list[nodes.Node]:
        rows = [
            [
                markup.breakable_code(schema.topic),
                markup.output_link(schema.target, markup.breakable_code(schema.name)),
                "deprecated" if schema.deprecated else "current",
                markup.inline(schema.headline),
            ]
            for schema in app.schemas
        ]
        headers = ("Topic", "Schema name", "Status", "Description")
        return [markup.table(headers, rows, classes=["fbs-table", "fbs-app-topics"])]

    def _schema(self, schema: model.Schema) -> nodes.section:
        anchor = schema.anchor
        title: list[nodes.Node] = [nodes.Text(schema.name)]
        if schema.deprecated:
            title.append(nodes.inline("deprecated", "deprecated", classes=["fbs-badge", "fbs-deprecated"]))
        section = markup.section([anchor], title, classes=["fbs-schema"])
        # The schema name is a label: :ref:`greenwave.decision.update.v1` links here.
        section["names"].append(schema.name)
        self.state.document.note_explicit_target(section, section)
        section += markup.prose(schema.headline, classes=["fbs-lede"])
        section += self._facts(schema)
        for text in schema.docstring[1:]:
            section += markup.prose(text)
        section += self._fields(schema, anchor)
        example = self._example(schema, anchor)
        if example is not None:
            section += example
        section += self._binding(schema, anchor)
        return section

    def _facts(self, schema: model.Schema) -> nodes.field_list:
        download = markup.file_link(schema.schema_file, markup.code(f"{schema.name}.json"))
        return markup.field_list(
            [
                ("Topic", markup.code(schema.topic)),
                ("Routing key", [markup.code(schema.routing_key), nodes.Text(" (production)")]),
                ("Schema name", markup.code(schema.name)),
                ("Class", markup.code(schema.import_path)),
                ("Package", [markup.code(schema.distribution), nodes.Text(f" {schema.version}")]),
                ("Severity", schema.severity),
                ("Deprecated", self._deprecation(schema)),
                ("JSON Schema", [download, nodes.Text(f" ({_draft(schema)})")]),
            ],
            classes=["fbs-facts"],
        )

    def _deprecation(self, schema: model.Schema) -> list[nodes.Node]:
        if not schema.deprecated:
            return [nodes.Text("no")]
        if not schema.replaced_by:
            return [nodes.Text("yes")]
        target: nodes.Node = markup.code(schema.replaced_by)
        replacement = model.by_name().get(schema.replaced_by)
        if replacement is not None:
            target = markup.output_link(replacement.target, target)
        return [nodes.Text("yes, replaced by "), target]

    def _fields(self, schema: model.Schema, anchor: str) -> nodes.section:
        section = markup.section([f"{anchor}-fields"], "Body fields")
        description = schema.body_schema.get("description")
        if description:
            section += markup.prose(str(description))
        rows = fields.flatten(schema.body_schema)
        if not rows:
            section += markup.paragraph("The schema describes no fields.")
            return section
        row_ids = _row_ids(anchor, rows)
        has_values = any(row.enum for row in rows)
        section += markup.table(
            FIELD_HEADERS,
            [_field_cells(row, row_ids) for row in rows],
            classes=["fbs-table", "fbs-fields", "fbs-wide"] + (["fbs-has-values"] if has_values else []),
            row_ids=[row_ids[row.path] for row in rows],
        )
        return section

    def _example(self, schema: model.Schema, anchor: str) -> nodes.section | None:
        try:
            example = model.example(schema)
        except model.SampleError as error:
            logger.error("shipped sample does not validate: %s", error, location=self)
            return None
        if example is None:
            return None
        section = markup.section([f"{anchor}-example"], "Example")
        section += markup.paragraph(
            "The first sample the package ships, ",
            markup.code(f"{example.sample}.json"),
            ", checked against the schema while these docs were built:",
        )
        body = json.dumps(example.body, indent=2, ensure_ascii=False)
        section += nodes.container("", markup.code_block(body, "json"), classes=["fbs-sample"])
        section += markup.field_list(
            [("summary", example.summary)]
            + [(key, markup.code(json.dumps(value))) for key, value in example.properties],
            classes=["fbs-facts", "fbs-properties"],
        )
        section += markup.paragraph(markup.code("str(message)"), ":")
        section += markup.code_block(example.text, "text", classes=["fbs-str"])
        return section

    def _binding(self, schema: model.Schema, anchor: str) -> nodes.section:
        section = markup.section([f"{anchor}-binding"], "Subscribing")
        section += markup.paragraph(
            "To receive it, add this to your fedora-messaging ",
            markup.code("config.toml"),
            ":",
        )
        section += markup.code_block(model.binding_toml(schema), "toml")
        return section


def _field_cells(row: fields.Field, row_ids: dict[str, str]) -> Sequence[markup.Cell]:
    parent, leaf = _split_path(row.path)
    path = nodes.literal("", "", classes=["fbs-path"])
    if parent:
        path += nodes.inline("", "", *markup.breakable(parent), classes=["fbs-parent"])
    path.extend(markup.breakable(leaf))
    required = {True: "yes", False: "no", None: "—"}[row.required]
    values: list[nodes.Node] = []
    for value in row.enum:
        values.extend([markup.code(json.dumps(value)), nodes.Text(" ")])
    description: list[nodes.Node] = markup.inline(row.description)
    for label, value in row.notes:
        description.append(
            nodes.inline("", "", nodes.Text(f" {label}: "), markup.code(value), classes=["fbs-note"])
        )
    if row.same_as is not None:
        link = nodes.reference("", "", internal=True, refid=row_ids[row.same_as])
        link += markup.code(row.same_as)
        description.append(
            nodes.inline("", "", nodes.Text(" Same fields as "), link, nodes.Text("."), classes=["fbs-note"])
        )
    return [
        path,
        _type_label(row),
        required,
        "yes" if row.nullable else "no",
        values,
        description,
    ]


def _row_ids(anchor: str, rows: Sequence[fields.Field]) -> dict[str, str]:
    """A stable, unique HTML id per field: ``<section>-field-satisfied-requirements-items-type``."""
    ids: dict[str, str] = {}
    for row in rows:
        base = f"{anchor}-field-" + nodes.make_id(row.path.replace("[]", ".items").replace("<key>", "key"))
        candidate, counter = base, 1
        while candidate in ids.values():
            counter += 1
            candidate = f"{base}-{counter}"
        ids[row.path] = candidate
    return ids


def _split_path(path: str) -> tuple[str, str]:
    """``a.b[].c`` → (``a.b[].``, ``c``): the leaf stands out, its parents are greyed."""
    match = _LEAF.search(path)
    cut = match.start() if match else 0
    return path[:cut], path[cut:]


def _type_label(row: fields.Field) -> str:
    labels = []
    for kind in row.types:
        if kind == "array" and row.item_types:
            labels.append(f"array of {' or '.join(row.item_types)}")
        else:
            labels.append(kind)
    return " | ".join(labels) or "any"


def _draft(schema: model.Schema) -> str:
    dialect = str(schema.body_schema.get("$schema", ""))
    for draft in ("draft-04", "draft-06", "draft-07", "2019-09", "2020-12"):
        if draft in dialect:
            return f"JSON Schema {draft}"
    return "JSON Schema"
