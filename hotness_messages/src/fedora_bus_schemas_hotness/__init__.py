"""Typed fedora-messaging schemas for the-new-hotness, which turns Anitya's new upstream versions into
Bugzilla bugs and scratch builds for Fedora packages.

The classes register the schema names of upstream's ``fedora-messaging-the-new-hotness-schema``
package (``hotness.update.bug.file``, ``hotness.update.drop``), so production traffic gets them;
installing both packages is reported with a ``SchemaConflictWarning``. Unlike upstream's classes,
whose ``topic`` carries ``org.fedoraproject.prod.``, ours carry the bare topic; lookups by topic
understand both.
"""

from fedora_bus_schemas_core import warn_about_conflicts

from .messages import HotnessMessage, UpdateBugFile, UpdateDrop

__version__ = "0.1.0"
__all__ = ["HotnessMessage", "UpdateBugFile", "UpdateDrop", "__version__"]

warn_about_conflicts(
    "fedora-bus-schemas-hotness", "fedora-messaging-the-new-hotness-schema", "hotness_schema"
)
