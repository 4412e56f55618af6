"""Typed fedora-messaging schemas for WaiverDB, Fedora's gating waivers service."""

from fedora_bus_schemas_core import warn_about_conflicts

from .messages import WaiverNewV1

__version__ = "0.1.0"
__all__ = ["WaiverNewV1", "__version__"]

warn_about_conflicts("fedora-bus-schemas-waiverdb")
