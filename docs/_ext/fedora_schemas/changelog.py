"""Each package's changelog: its ``CHANGELOG.md`` plus the towncrier fragments not yet released.

Packages are found by globbing ``<repository>/*_messages/CHANGELOG.md``. At ``builder-inited`` one
Markdown file per package is written to the generated folder (headings one level up, unreleased
fragments first); ``.. fedora-changelogs::`` includes them, each under its distribution's name.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import nested_parse_with_titles

from . import markup

PACKAGE_GLOB = "*_messages/CHANGELOG.md"
#: Where the generated Markdown goes, relative to the documentation sources.
GENERATED_DIR = "_generated/changelogs"
_DEFAULT_START = "<!-- towncrier release notes start -->"
_HEADING = re.compile(r"^#(#+ )", re.MULTILINE)


@dataclass(frozen=True)
class Changelog:
    folder: Path
    distribution: str
    markdown: str


def changelogs(repository: Path) -> list[Changelog]:
    """The changelog of every package folder of ``repository``, by folder name."""
    towncrier = _towncrier(repository)
    result = []
    for path in sorted(repository.glob(PACKAGE_GLOB)):
        folder = path.parent
        released = _released(path.read_text(encoding="utf-8"), towncrier.get("start_string"))
        unreleased = _unreleased(folder / towncrier.get("directory", "changes"), towncrier)
        text = "\n\n".join(part for part in (unreleased, released) if part.strip())
        result.append(Changelog(folder, _distribution(folder), text or "No changes recorded yet.\n"))
    return result


def write(repository: Path, srcdir: Path) -> None:
    """(Re)write the generated Markdown of every package; remove that of packages gone."""
    target = srcdir / GENERATED_DIR
    target.mkdir(parents=True, exist_ok=True)
    wanted = {f"{log.folder.name}.md": log.markdown for log in changelogs(repository)}
    for stale in target.glob("*.md"):
        if stale.name not in wanted:
            stale.unlink()
    for name, text in wanted.items():
        _write_if_changed(target / name, text)


class ChangelogsDirective(SphinxDirective):
    """A section per package with its changelog."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        self.env.note_reread()
        result: list[nodes.Node] = []
        for log in changelogs(Path(self.config.fedora_schemas_repository)):
            section = markup.section([nodes.make_id(f"changelog-{log.distribution}")], log.distribution)
            include = f"/{GENERATED_DIR}/{log.folder.name}.md"
            lines = StringList(
                [f".. include:: {include}", "   :parser: myst_parser.sphinx_"],
                source=self.get_source_info()[0],
            )
            nested_parse_with_titles(self.state, lines, section)
            result.append(section)
        return result


def _towncrier(repository: Path) -> dict[str, Any]:
    path = repository / "towncrier.toml"
    if not path.is_file():
        return {}
    with path.open("rb") as stream:
        return tomllib.load(stream).get("tool", {}).get("towncrier", {})


def _released(text: str, start: str | None) -> str:
    """The release notes: what follows towncrier's start marker, else all but the title."""
    marker = (start or _DEFAULT_START).strip()
    notes = text.split(marker, 1)[1] if marker in text else re.sub(r"\A\s*# .*\n", "", text)
    return _HEADING.sub(r"\1", notes).strip() + "\n"


def _unreleased(directory: Path, towncrier: dict[str, Any]) -> str:
    """The fragments waiting in ``directory``, grouped by type as towncrier will group them."""
    types = [(kind["directory"], kind.get("name", kind["directory"])) for kind in towncrier.get("type", [])]
    groups: dict[str, list[str]] = {}
    for fragment in sorted(directory.glob("*.md")) if directory.is_dir() else []:
        issue, _, kind = fragment.name.removesuffix(".md").rpartition(".")
        entry = fragment.read_text(encoding="utf-8").strip().replace("\n", "\n  ")
        if issue.isdigit():
            entry += f" (#{issue})"
        groups.setdefault(kind, []).append(entry)
    if not groups:
        return ""
    order = [kind for kind, _ in types if kind in groups] + sorted(set(groups) - {k for k, _ in types})
    names = dict(types)
    parts = ["# Unreleased"]
    for kind in order:
        parts.append(f"## {names.get(kind, kind.capitalize())}")
        parts.append("\n".join(f"- {entry}" for entry in groups[kind]))
    return "\n\n".join(parts) + "\n"


def _distribution(folder: Path) -> str:
    try:
        with (folder / "pyproject.toml").open("rb") as stream:
            return str(tomllib.load(stream)["project"]["name"])
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        return folder.name


def _write_if_changed(path: Path, text: str) -> None:
    """Leave an unchanged file alone, so that Sphinx does not read its includer again for nothing."""
    if not path.is_file() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")
