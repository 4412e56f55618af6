"""Typed fedora-messaging schemas for Bodhi, Fedora's update system.

The classes register the schema names of the upstream ``bodhi-messages`` package, so production
traffic, whose ``fedora_messaging_schema`` header carries those names, is received as these classes.
"""

from fedora_bus_schemas_core import warn_about_conflicts

from .base import BodhiMessage, UpdateMessage
from .buildroot_override import BuildrootOverrideMessage, BuildrootOverrideTagV1, BuildrootOverrideUntagV1
from .compose import (
    ComposeCompleteV1,
    ComposeComposingV1,
    ComposeMessage,
    ComposeStartV1,
    ComposeSyncDoneV1,
    ComposeSyncWaitV1,
    RepoDoneV1,
)
from .errata import ErrataPublishV1
from .update import (
    UpdateCommentV1,
    UpdateCompleteStableV1,
    UpdateCompleteTestingV1,
    UpdateEditV1,
    UpdateEditV2,
    UpdateEjectV1,
    UpdateKarmaThresholdV1,
    UpdateReadyForTestingV1,
    UpdateReadyForTestingV2,
    UpdateReadyForTestingV3,
    UpdateRequestMessage,
    UpdateRequestObsoleteV1,
    UpdateRequestRevokeV1,
    UpdateRequestStableV1,
    UpdateRequestTestingV1,
    UpdateRequestUnpushV1,
    UpdateRequirementsMetStableV1,
)

__version__ = "0.1.0"
__all__ = [
    "BodhiMessage",
    "BuildrootOverrideMessage",
    "BuildrootOverrideTagV1",
    "BuildrootOverrideUntagV1",
    "ComposeCompleteV1",
    "ComposeComposingV1",
    "ComposeMessage",
    "ComposeStartV1",
    "ComposeSyncDoneV1",
    "ComposeSyncWaitV1",
    "ErrataPublishV1",
    "RepoDoneV1",
    "UpdateCommentV1",
    "UpdateCompleteStableV1",
    "UpdateCompleteTestingV1",
    "UpdateEditV1",
    "UpdateEditV2",
    "UpdateEjectV1",
    "UpdateKarmaThresholdV1",
    "UpdateMessage",
    "UpdateReadyForTestingV1",
    "UpdateReadyForTestingV2",
    "UpdateReadyForTestingV3",
    "UpdateRequestMessage",
    "UpdateRequestObsoleteV1",
    "UpdateRequestRevokeV1",
    "UpdateRequestStableV1",
    "UpdateRequestTestingV1",
    "UpdateRequestUnpushV1",
    "UpdateRequirementsMetStableV1",
    "__version__",
]

warn_about_conflicts("fedora-bus-schemas-bodhi", "bodhi-messages", "bodhi")
