"""Small builders of docutils nodes, so that the directives read as what they show.

Text from the packages (docstrings, schema descriptions) is never parsed as reStructuredText: a
stray ``*`` or ``name_`` must not turn into markup or a warning. Only backquoted spans become
inline code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from docutils import nodes

_CODE_SPAN = re.compile(r"``(.+?)``|`([^`]+)`")
_BREAK_AFTER = re.compile(r"(?<=[.\]])")

#: Attributes of the references whose URIs are computed when writing (see generate.py).
LINK_ATTRIBUTE = "fedora_schemas_link"
FILE_ATTRIBUTE = "fedora_schemas_file"

Cell = nodes.Node | str | Sequence[nodes.Node]


def inline(text: str) -> list[nodes.Node]:
    """``text`` as text nodes, with ```code``` and ````code```` spans as inline literals."""
    result: list[nodes.Node] = []
    position = 0
    for match in _CODE_SPAN.finditer(text):
        if match.start() > position:
            result.append(nodes.Text(text[position : match.start()]))
        code = match.group(1) or match.group(2)
        result.append(nodes.literal(code, code))
        position = match.end()
    if position < len(text):
        result.append(nodes.Text(text[position:]))
    return result


def paragraph(*parts: nodes.Node | str, classes: Sequence[str] = ()) -> nodes.paragraph:
    node = nodes.paragraph(classes=list(classes))
    for part in parts:
        node += nodes.Text(part) if isinstance(part, str) else part
    return node


def prose(text: str, classes: Sequence[str] = ()) -> nodes.paragraph:
    """A paragraph of package-provided text (see :func:`inline`)."""
    node = nodes.paragraph(classes=list(classes))
    node.extend(inline(text))
    return node


def code(text: str) -> nodes.literal:
    return nodes.literal(text, text)


def code_block(text: str, language: str, classes: Sequence[str] = ()) -> nodes.literal_block:
    block = nodes.literal_block(text, text, classes=list(classes))
    block["language"] = language
    return block


def section(
    ids: Sequence[str], title: Sequence[nodes.Node] | str, classes: Sequence[str] = ()
) -> nodes.section:
    node = nodes.section(ids=list(ids), classes=list(classes))
    heading = nodes.title()
    heading.extend([nodes.Text(title)] if isinstance(title, str) else title)
    node += heading
    return node


def rubric(text: str) -> nodes.rubric:
    return nodes.rubric(text, text)


def output_link(target: str, *content: nodes.Node | str) -> nodes.reference:
    """A link to a document, with an optional ``#anchor``: ``apps/greenwave#greenwave-decision-update-v1``.

    Unlike a ``:ref:``, it keeps its content (inline code); the URI is computed when writing.
    """
    node = nodes.reference("", "", internal=True, refuri="")
    node[LINK_ATTRIBUTE] = target
    node.extend(nodes.Text(part) if isinstance(part, str) else part for part in content)
    return node


def file_link(path: str, *content: nodes.Node | str) -> nodes.reference:
    """A link to a file written into the build output, e.g. ``schemas/greenwave/x.json``."""
    node = nodes.reference("", "", internal=False, refuri="")
    node[FILE_ATTRIBUTE] = path
    node.extend(nodes.Text(part) if isinstance(part, str) else part for part in content)
    return node


def breakable_code(text: str, classes: Sequence[str] = ()) -> nodes.literal:
    """Inline code that may wrap after ``.`` and ``]`` (``<wbr>``: nothing extra when copied)."""
    node = nodes.literal("", "", classes=list(classes))
    node.extend(breakable(text))
    return node


def breakable(text: str) -> list[nodes.Node]:
    result: list[nodes.Node] = []
    for piece in _BREAK_AFTER.split(text):
        if piece:
            result.append(nodes.Text(piece))
            if piece.endswith((".", "]")):
                result.append(nodes.raw("", "<wbr>", format="html"))
    return result


def field_list(items: Iterable[tuple[str, Cell]], classes: Sequence[str] = ()) -> nodes.field_list:
    """A two-column list of labelled facts."""
    result = nodes.field_list(classes=list(classes))
    for label, value in items:
        body = nodes.field_body()
        body += _as_paragraph(value)
        result += nodes.field("", nodes.field_name(label, label), body)
    return result


def table(
    headers: Sequence[str],
    rows: Iterable[Sequence[Cell]],
    classes: Sequence[str] = (),
    widths: Sequence[int] | None = None,
    row_ids: Iterable[str | None] | None = None,
) -> nodes.table:
    """A table; a cell is a string, a node or a list of inline nodes."""
    group = nodes.tgroup(cols=len(headers))
    for width in widths or [1] * len(headers):
        group += nodes.colspec(colwidth=width)
    head = nodes.thead()
    head += _row(headers)
    group += head
    body = nodes.tbody()
    ids = iter(row_ids or ())
    for cells in rows:
        row = _row(cells)
        row_id = next(ids, None)
        if row_id:
            row["ids"].append(row_id)
        body += row
    group += body
    result = nodes.table(classes=list(classes))
    if widths is None:
        result["widths"] = "auto"
    result += group
    return result


def _row(cells: Sequence[Cell]) -> nodes.row:
    row = nodes.row()
    for cell in cells:
        entry = nodes.entry()
        entry += _as_paragraph(cell)
        row += entry
    return row


def _as_paragraph(value: Cell) -> nodes.Node:
    """A block for a cell or a field: block nodes as they are, inline content in a paragraph."""
    if isinstance(value, str):
        return nodes.paragraph(value, value)
    if isinstance(value, nodes.Node):
        # A reference is a "General" body element too, but it needs a paragraph around it.
        is_block = isinstance(value, nodes.Body) and not isinstance(value, nodes.Inline)
        return value if is_block else paragraph(value)
    return paragraph(*value)
