"""Typed fedora-messaging schemas for ResultsDB, Fedora's store of test results."""

from .messages import ResultNewV1, TaskotronResultNewV1

__version__ = "0.1.0"
__all__ = ["ResultNewV1", "TaskotronResultNewV1", "__version__"]
