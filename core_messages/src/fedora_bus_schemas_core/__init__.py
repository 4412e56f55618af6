"""Shared runtime of the fedora-bus-schemas collection of Fedora message schemas."""

from .message import SchemaMessage
from .registry import SchemaConflictWarning, as_typed, class_for_topic, warn_about_conflicts

__version__ = "0.1.0"

__all__ = [
    "SchemaConflictWarning",
    "SchemaMessage",
    "__version__",
    "as_typed",
    "class_for_topic",
    "warn_about_conflicts",
]
