"""Helpers the app packages' tests share, so that each test module does not define them again.

Package tests import them as ``from tests.support import fact, received, sample``: pytest runs
from the repository root (tox, scripts/test.sh), whose ``conftest.py`` puts the root on ``sys.path``.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from fedora_messaging.message import Message

from fedora_bus_schemas_core import SchemaMessage, samples

M = TypeVar("M", bound=SchemaMessage)

#: Where Fedora's production broker publishes (the prefix a consumer sees before the bare topic).
PROD = "org.fedoraproject.prod."


def sample(cls: type[M], name: str) -> M:
    """A new message of ``cls`` carrying a copy of its sample body ``name`` (the file name)."""
    return cast(M, samples.get(cls, name).message())


def received(cls: type[SchemaMessage], body: Mapping[str, Any], prefix: str = PROD) -> Message:
    """A copy of ``body`` as a consumer receives it: a plain ``Message`` on ``cls``'s prefixed topic."""
    return Message(body=copy.deepcopy(dict(body)), topic=prefix + cls.topic)


def fact(message: Message, label: str) -> str:
    """The value ``str(message)`` lists under ``label`` ('' when it lists none)."""
    for line in str(message).splitlines():
        if line.startswith(label + ":"):
            return line.partition(":")[2].strip()
    return ""
