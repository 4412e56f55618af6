"""Typed fedora-messaging schemas for Greenwave, Fedora's gating decision service."""

from .messages import DecisionUpdateV1

__version__ = "0.1.0"
__all__ = ["DecisionUpdateV1", "__version__"]
