"""tox plugin of the repository: one environment per app package, found, not listed.

Every ``<app>_messages/`` folder (the core aside, which has its own ``core`` environment) gets the
environment ``<app>`` in the default run, right after ``core``: adding a package needs no edit
here or in ``tox.ini``.
"""

from __future__ import annotations

import configparser
from pathlib import Path

from tox.config.loader.memory import MemoryLoader
from tox.config.sets import CoreConfigSet
from tox.config.types import EnvList
from tox.plugin import impl
from tox.session.state import State

ROOT = Path(__file__).resolve().parent


def app_packages() -> list[str]:
    """The app names of the repository's package folders, in name order."""
    return [
        folder.parent.name.removesuffix("_messages")
        for folder in sorted(ROOT.glob("*_messages/pyproject.toml"))
        if folder.parent.name != "core_messages"
    ]


@impl
def tox_add_core_config(core_conf: CoreConfigSet, state: State) -> None:
    """Insert the app environments after ``core`` in ``tox.ini``'s ``env_list``."""
    ini = configparser.ConfigParser(interpolation=None)
    ini.read(ROOT / "tox.ini", encoding="utf-8")
    listed = [name.strip() for name in ini["tox"]["env_list"].replace("\n", ",").split(",") if name.strip()]
    after = listed.index("core") + 1 if "core" in listed else 0
    apps = [name for name in app_packages() if name not in listed]
    core_conf.loaders.insert(0, MemoryLoader(env_list=EnvList([*listed[:after], *apps, *listed[after:]])))
