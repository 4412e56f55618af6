"""Two installed distributions registering the same schema name: fedora-messaging keeps one.

Kept apart from :mod:`.registry` so that a package warning about its upstream counterpart at
import pays for nothing else.
"""

from __future__ import annotations

import importlib.util
import warnings
from collections import defaultdict

from .compat import metadata

#: The entry-point group fedora-messaging finds message classes in.
ENTRY_POINT_GROUP = "fedora.messages"

__all__ = ["SchemaConflictWarning", "conflicts", "warn_about_conflicts"]


class SchemaConflictWarning(UserWarning):
    """Two installed distributions register the same schema name; only one of them wins."""


def conflicts() -> dict[str, list[str]]:
    """Schema names registered by more than one installed distribution, with those names.

    fedora-messaging keeps whichever entry point it loads last, silently; e.g. this collection's
    Bodhi package next to upstream's ``bodhi-messages`` registers every Bodhi name twice.
    """
    owners: dict[str, set[str]] = defaultdict(set)
    for point in metadata.entry_points(group=ENTRY_POINT_GROUP):
        owners[point.name].add(point.dist.name if point.dist else point.value)
    return {name: sorted(dists) for name, dists in sorted(owners.items()) if len(dists) > 1}


def warn_about_conflicts(distribution: str, counterpart: str, counterpart_module: str) -> None:
    """Warn if ``counterpart`` is installed too and registers some of ``distribution``'s names.

    ``counterpart`` is the upstream schema package that ``distribution`` replaces (it registers
    its names) and ``counterpart_module`` the top-level module it installs. This runs at every
    import of the package, so it first only looks for that module (a lookup in directory listings
    Python already keeps); the distributions' metadata is read only when the module is there.
    Scanning every installed distribution's entry points, as ``fedora-bus-schemas list`` does,
    would cost more than loading all of the package's classes.
    """
    if importlib.util.find_spec(counterpart_module) is None:
        return
    shared = sorted(_schema_names(counterpart) & _schema_names(distribution))
    if shared:
        warnings.warn(
            f"{distribution} and {counterpart} are installed together and both register "
            f"{len(shared)} schema name(s) ({', '.join(shared[:3])}{', ...' if len(shared) > 3 else ''}); "
            "fedora-messaging keeps one class per name, whichever it happens to load last. "
            "Uninstall one of them.",
            SchemaConflictWarning,
            stacklevel=2,
        )


def _schema_names(distribution: str) -> set[str]:
    """The schema names an installed distribution registers (none if it is not installed)."""
    try:
        points = metadata.distribution(distribution).entry_points
    except metadata.PackageNotFoundError:
        return set()
    return {point.name for point in points if point.group == ENTRY_POINT_GROUP}
