"""Typed fedora-messaging schemas for openQA, the automated testing system of Fedora's QA.

openQA publishes with fedora-messaging's plain ``Message`` (schema header ``base.message``);
``fedora_bus_schemas_core.as_typed`` turns its job and comment messages into these classes.
"""

from __future__ import annotations

from .base import OpenQAMessage
from .comments import CommentCreateV1, CommentDeleteV1, CommentMessage, CommentUpdateV1
from .jobs import (
    JobCancelV1,
    JobCreateV1,
    JobDeleteV1,
    JobDoneV1,
    JobDuplicateV1,
    JobMessage,
    JobRestartV1,
    JobUpdateResultV1,
)

__version__ = "0.1.0"
__all__ = [
    "CommentCreateV1",
    "CommentDeleteV1",
    "CommentMessage",
    "CommentUpdateV1",
    "JobCancelV1",
    "JobCreateV1",
    "JobDeleteV1",
    "JobDoneV1",
    "JobDuplicateV1",
    "JobMessage",
    "JobRestartV1",
    "JobUpdateResultV1",
    "OpenQAMessage",
    "__version__",
]
