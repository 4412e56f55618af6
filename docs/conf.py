"""Sphinx configuration of the fedora-bus-schemas documentation.

The topic pages are generated from the installed packages by the in-repo extension
``_ext/fedora_schemas``: install every package of the collection before building.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parent
REPOSITORY = DOCS.parent

sys.path.insert(0, str(DOCS / "_ext"))
# Building a message (for the examples) reads fedora-messaging's configuration; never /etc's.
os.environ.setdefault("FEDORA_MESSAGING_CONF", str(REPOSITORY / "tests" / "fedora-messaging.toml"))
# furo's accessible-pygments turns on INFO logging for everything; fedora-messaging's is noise here.
logging.getLogger("fedora_messaging").setLevel(logging.WARNING)

project = "fedora-bus-schemas"
author = "The fedora-bus-schemas contributors"
copyright = f"{author}; LGPL-3.0-or-later"

extensions = ["myst_parser", "fedora_schemas"]
# Markdown is only included (the packages' changelogs), never a page of its own.
exclude_patterns = ["_build", "_generated"]
fedora_schemas_repository = str(REPOSITORY)

html_theme = "furo"
html_title = "fedora-bus-schemas"
html_static_path = ["_static"]
html_css_files = ["fedora-schemas.css"]
html_js_files = [("topics.js", {"defer": "defer"})]
html_copy_source = False
html_show_sourcelink = False

myst_enable_extensions = ["deflist"]
smartquotes = False
