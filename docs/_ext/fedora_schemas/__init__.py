"""Sphinx extension that documents the installed fedora-bus-schemas packages.

The classes come from the ``fedora.messages`` entry points (through
``fedora_bus_schemas_core.registry``), so installing a package is all it takes for its topics to
appear: a page per app under ``apps/`` (generated), the topics index, the downloadable schemas.

Directives: ``fedora-app``, ``fedora-apps``, ``fedora-topics``, ``fedora-argparse``,
``fedora-changelogs``. Configuration: ``fedora_schemas_repository``, the repository root whose
``*_messages/CHANGELOG.md`` files make the changelog page.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config

from . import app_page, changelog, cli, generate, overview

__version__ = "1.0"


def _add_templates(app: Sphinx, config: Config) -> None:
    config.templates_path = [*config.templates_path, str(Path(__file__).with_name("templates"))]


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("fedora_schemas_repository", str(Path(app.confdir).parent), "env", types=(str,))
    app.add_directive("fedora-app", app_page.AppDirective)
    app.add_directive("fedora-apps", overview.AppsDirective)
    app.add_directive("fedora-topics", overview.TopicsDirective)
    app.add_directive("fedora-argparse", cli.ArgparseDirective)
    app.add_directive("fedora-changelogs", changelog.ChangelogsDirective)
    app.connect("config-inited", _add_templates)
    app.connect("builder-inited", generate.check_samples)
    app.connect("builder-inited", generate.write_sources)
    app.connect("doctree-resolved", generate.resolve_links)
    app.connect("html-collect-pages", generate.redirect_pages)
    app.connect("build-finished", generate.write_schema_files)
    app.connect("build-finished", generate.write_asyncapi)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
