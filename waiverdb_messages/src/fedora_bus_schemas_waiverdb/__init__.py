"""Typed fedora-messaging schemas for WaiverDB, Fedora's gating waivers service."""

from .messages import WaiverNewV1

__version__ = "0.1.0"
__all__ = ["WaiverNewV1", "__version__"]
