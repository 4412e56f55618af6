"""Typed fedora-messaging schemas for ResultsDB, Fedora's store of test results."""

from fedora_bus_schemas_core import warn_about_conflicts

from .messages import ResultNewV1, TaskotronResultNewV1

__version__ = "0.1.0"
__all__ = ["ResultNewV1", "TaskotronResultNewV1", "__version__"]

warn_about_conflicts("fedora-bus-schemas-resultsdb")
