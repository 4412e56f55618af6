"""Typed fedora-messaging schemas for Anitya (skeleton: no classes yet)."""

from fedora_bus_schemas_core import warn_about_conflicts

__version__ = "0.1.0"
__all__ = ["__version__"]

warn_about_conflicts("fedora-bus-schemas-anitya")
