"""Name-version-release strings, as Koji and Bodhi name builds."""

from __future__ import annotations

from typing import NamedTuple


class NVR(NamedTuple):
    """A parsed build identifier; ``epoch`` is None when the string carries none."""

    name: str
    version: str
    release: str
    epoch: str | None = None


def parse_nvr(value: object) -> NVR | None:
    """Split ``name-[epoch:]version-release``; None for anything that is not one.

    The name may itself contain dashes (``python-requests-2.32.3-1.fc41``), so the string is split
    from the right.
    """
    if not isinstance(value, str):
        return None
    parts = value.rsplit("-", 2)
    if len(parts) != 3 or not all(parts):
        return None
    name, version, release = parts
    epoch = None
    if ":" in version:
        epoch, _, version = version.partition(":")
        if not epoch.isdigit() or not version:
            return None
    return NVR(name, version, release, epoch)


def package_name(value: object) -> str | None:
    """The package name of an NVR string, or None."""
    nvr = parse_nvr(value)
    return nvr.name if nvr else None
