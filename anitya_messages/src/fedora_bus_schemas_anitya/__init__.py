"""Typed fedora-messaging schemas for Anitya, the upstream release monitor of release-monitoring.org.

The classes register the schema names of upstream's ``anitya-schema`` package (``anitya.project.add``,
``anitya.project.version.update.v2``...), so production traffic gets them; installing both
packages is reported with a ``SchemaConflictWarning``.
"""

from fedora_bus_schemas_core import warn_about_conflicts

from .base import AnityaMessage, ProjectMessage
from .distro import DistroCreated, DistroDeleted, DistroEdited
from .project import (
    ProjectCreated,
    ProjectDeleted,
    ProjectEdited,
    ProjectFlag,
    ProjectFlagSet,
    ProjectMapCreated,
    ProjectMapDeleted,
    ProjectMapEdited,
    ProjectVersionDeleted,
    ProjectVersionDeletedV2,
    ProjectVersionUpdated,
    ProjectVersionUpdatedV2,
)

__version__ = "0.1.0"
__all__ = [
    "AnityaMessage",
    "DistroCreated",
    "DistroDeleted",
    "DistroEdited",
    "ProjectCreated",
    "ProjectDeleted",
    "ProjectEdited",
    "ProjectFlag",
    "ProjectFlagSet",
    "ProjectMapCreated",
    "ProjectMapDeleted",
    "ProjectMapEdited",
    "ProjectMessage",
    "ProjectVersionDeleted",
    "ProjectVersionDeletedV2",
    "ProjectVersionUpdated",
    "ProjectVersionUpdatedV2",
    "__version__",
]

warn_about_conflicts("fedora-bus-schemas-anitya", "anitya-schema", "anitya_schema")
