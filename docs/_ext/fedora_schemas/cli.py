"""``.. fedora-argparse:: module:function``: the ``--help`` of a command and of its subcommands.

``function`` returns the ``argparse.ArgumentParser``; the page then always matches the code.
"""

from __future__ import annotations

import argparse
import functools
import importlib
from collections.abc import Iterator

from docutils import nodes
from sphinx.errors import ExtensionError
from sphinx.util.docutils import SphinxDirective

from . import markup

#: Width of the rendered help, whatever the terminal of the person building the docs.
HELP_WIDTH = 88


class ArgparseDirective(SphinxDirective):
    """The help of a parser, then a section per subcommand with its description and help."""

    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        self.env.note_reread()
        parser = load_parser(self.arguments[0])
        result: list[nodes.Node] = [markup.code_block(help_text(parser), "text", classes=["fbs-help"])]
        for name, summary, subparser in subcommands(parser):
            section = markup.section([nodes.make_id(f"cli-{name}")], [markup.code(subparser.prog)])
            if summary:
                section += markup.prose(summary[:1].upper() + summary[1:] + ".")
            section += markup.code_block(help_text(subparser), "text", classes=["fbs-help"])
            result.append(section)
        return result


def load_parser(spec: str) -> argparse.ArgumentParser:
    module_name, _, attribute = spec.partition(":")
    try:
        factory = getattr(importlib.import_module(module_name), attribute)
    except (ImportError, AttributeError) as error:
        raise ExtensionError(f"fedora-argparse: cannot load {spec!r}: {error}") from error
    parser = factory()
    if not isinstance(parser, argparse.ArgumentParser):
        raise ExtensionError(f"fedora-argparse: {spec!r} did not return an ArgumentParser")
    return parser


def subcommands(parser: argparse.ArgumentParser) -> Iterator[tuple[str, str, argparse.ArgumentParser]]:
    """(name, one-line help, parser) of each subcommand, in the order the parser lists them."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {choice.dest: choice.help or "" for choice in action._choices_actions}
            for name, subparser in action.choices.items():
                yield name, helps.get(name, ""), subparser


def help_text(parser: argparse.ArgumentParser) -> str:
    """``parser.format_help()`` at a fixed width."""
    parser.formatter_class = functools.partial(parser.formatter_class, width=HELP_WIDTH)
    return parser.format_help()
