"""What differs between the Python versions the collection supports (3.9 and newer)."""

from __future__ import annotations

import sys

if sys.version_info >= (3, 10):
    from importlib import metadata
else:  # selectable entry points and EntryPoint.dist arrived in Python 3.10
    import importlib_metadata as metadata

__all__ = ["metadata"]
