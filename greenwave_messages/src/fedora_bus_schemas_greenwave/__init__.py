"""Typed fedora-messaging schemas for Greenwave, Fedora's gating decision service."""

from fedora_bus_schemas_core import warn_about_conflicts

from .messages import DecisionUpdateV1

__version__ = "0.1.0"
__all__ = ["DecisionUpdateV1", "__version__"]

warn_about_conflicts("fedora-bus-schemas-greenwave")
