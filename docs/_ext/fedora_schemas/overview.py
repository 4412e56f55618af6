"""``.. fedora-apps::`` (the installed app packages) and ``.. fedora-topics::`` (every topic)."""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from . import markup, model

_NOTHING_INSTALLED = "No package of the collection that registers a schema is installed."


class AppsDirective(SphinxDirective):
    """A table of the app packages and the command that installs all of them."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        self.env.note_reread()
        apps = model.apps()
        if not apps:
            return [markup.paragraph(_NOTHING_INSTALLED)]
        rows = [
            [
                markup.output_link(app.docname, app.name),
                [markup.code(app.distribution), nodes.Text(f" {app.version}")],
                _counts(app),
                markup.inline(app.summary),
            ]
            for app in apps
        ]
        table = markup.table(("App", "Package", "Topics", "About"), rows, classes=["fbs-table", "fbs-apps"])
        install = " \\\n    ".join(["pip install", *(app.distribution for app in apps)])
        return [table, markup.paragraph("All of them:"), markup.code_block(install, "console")]


class TopicsDirective(SphinxDirective):
    """Every topic of every installed package, one row per schema name; sortable and searchable."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        self.env.note_reread()
        schemas = sorted(model.schemas(), key=lambda schema: (schema.topic, schema.name))
        if not schemas:
            return [markup.paragraph(_NOTHING_INSTALLED)]
        rows = [
            [
                markup.breakable_code(schema.topic),
                markup.output_link(schema.target, markup.breakable_code(schema.name)),
                markup.output_link(schema.docname, schema.app),
                markup.code(schema.distribution),
                _status(schema),
                markup.inline(schema.headline),
            ]
            for schema in schemas
        ]
        headers = ("Topic", "Schema name", "App", "Package", "Deprecated", "Description")
        table = markup.table(headers, rows, classes=["fbs-table", "fbs-topics", "fbs-sortable", "fbs-wide"])
        count = markup.paragraph(
            f"{len(schemas)} schema names, {len({s.topic for s in schemas})} topics, "
            f"{len(model.apps())} apps.",
            classes=["fbs-count"],
        )
        return [count, table]


def _counts(app: model.App) -> str:
    topics = len({schema.topic for schema in app.schemas})
    names = len(app.schemas)
    text = f"{topics} topic{'s' if topics != 1 else ''}"
    return text if names == topics else f"{text}, {names} schema names"


def _status(schema: model.Schema) -> list[nodes.Node]:
    if not schema.deprecated:
        return [nodes.Text("no")]
    if schema.replaced_by and schema.replaced_by in model.by_name():
        replacement = model.by_name()[schema.replaced_by]
        link = markup.output_link(replacement.target, markup.breakable_code(replacement.name))
        return [nodes.Text("yes"), nodes.inline("", "", nodes.Text("by "), link, classes=["fbs-note"])]
    return [nodes.Text("yes")]
