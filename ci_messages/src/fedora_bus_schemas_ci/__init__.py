"""Typed fedora-messaging schemas for the Fedora CI Messages spec (`ci.<artifact>.<event>.<state>`).

One class per topic of the spec, e.g. :class:`KojiBuildTestCompleteV1` for
`ci.koji-build.test.complete`, registered as `<topic>.v1`. Producers publish these topics with
fedora-messaging's plain `Message` (openQA) or through Jenkins, so consumers turn what they receive
into these classes with :func:`fedora_bus_schemas_core.as_typed`.
"""

from .base import CIMessage
from .messages import (
    ARTIFACT_CLASSES,
    TOPIC_CLASSES,
    ComposeMessage,
    ContainerImageMessage,
    FedoraUpdateMessage,
    ModuleBuildMessage,
    ProductBuildMessage,
    PullRequestMessage,
    RpmBuildMessage,
    UncontrolledBuildMessage,
)
from .topics import ARTIFACTS, TOPICS

__version__ = "0.1.0"

globals().update(TOPIC_CLASSES)

__all__ = [
    "ARTIFACTS",
    "ARTIFACT_CLASSES",
    "TOPICS",
    "TOPIC_CLASSES",
    "CIMessage",
    "ComposeMessage",
    "ContainerImageMessage",
    "FedoraUpdateMessage",
    "ModuleBuildMessage",
    "ProductBuildMessage",
    "PullRequestMessage",
    "RpmBuildMessage",
    "UncontrolledBuildMessage",
    "__version__",
    *TOPIC_CLASSES,
]
