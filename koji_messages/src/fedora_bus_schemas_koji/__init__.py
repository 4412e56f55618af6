"""Typed fedora-messaging schemas for Koji, Fedora's build system (the ``buildsys.*`` topics).

The koji-fedoramessaging hub plugin publishes these messages. The classes register the schema
names of upstream's ``koji-fedoramessaging-messages`` package
(``koji_fedoramessaging.build.BuildStateChangeV1``...), so production traffic gets them; installing
both packages is reported with a ``SchemaConflictWarning``.
"""

from fedora_bus_schemas_core import warn_about_conflicts

from .base import KojiMessage
from .build import BuildStateChangeV1
from .package import ListChangeV1
from .repo import DoneV1, InitV1, RepoMessage
from .rpm import SignV1
from .tag import TagMessage, TagV1, UntagV1
from .task import TaskStateChangeV1

__version__ = "0.1.0"
__all__ = [
    "BuildStateChangeV1",
    "DoneV1",
    "InitV1",
    "KojiMessage",
    "ListChangeV1",
    "RepoMessage",
    "SignV1",
    "TagMessage",
    "TagV1",
    "TaskStateChangeV1",
    "UntagV1",
    "__version__",
]

warn_about_conflicts(
    "fedora-bus-schemas-koji", "koji-fedoramessaging-messages", "koji_fedoramessaging_messages"
)
