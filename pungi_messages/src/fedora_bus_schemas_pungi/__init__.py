"""Typed fedora-messaging schemas for Pungi, the compose tool of Fedora's release engineering.

Pungi publishes with fedora-messaging's plain ``Message`` (schema header ``base.message``);
``fedora_bus_schemas_core.as_typed`` turns its ``pungi.compose.*`` messages into these classes.
"""

from __future__ import annotations

from .base import PungiMessage
from .messages import (
    CreateisoImageDoneV1,
    CreateisoImageFailV1,
    CreateisoTargetsV1,
    FailToStartV1,
    OsbsRequestPushV1,
    OstreeV1,
    PhaseStartV1,
    PhaseStopV1,
    StatusChangeV1,
)

__version__ = "0.1.0"
__all__ = [
    "CreateisoImageDoneV1",
    "CreateisoImageFailV1",
    "CreateisoTargetsV1",
    "FailToStartV1",
    "OsbsRequestPushV1",
    "OstreeV1",
    "PhaseStartV1",
    "PhaseStopV1",
    "PungiMessage",
    "StatusChangeV1",
    "__version__",
]
