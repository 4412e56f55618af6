"""Shared runtime of the fedora-bus-schemas collection of Fedora message schemas."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .conflicts import SchemaConflictWarning, warn_about_conflicts
from .message import SchemaMessage

if TYPE_CHECKING:
    from .registry import as_typed, class_for_topic

__version__ = "0.1.0"

__all__ = [
    "SchemaConflictWarning",
    "SchemaMessage",
    "__version__",
    "as_typed",
    "class_for_topic",
    "warn_about_conflicts",
]


def __getattr__(name: str) -> Any:
    """``as_typed`` and ``class_for_topic``, imported with the registry when first asked for.

    Every app package imports this package when fedora-messaging loads its classes; the registry
    is for consumers and the command line, and loading classes should not pay for it.
    """
    if name in ("as_typed", "class_for_topic"):
        from . import registry

        return getattr(registry, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
