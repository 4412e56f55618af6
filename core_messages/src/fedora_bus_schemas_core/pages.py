"""Pages of an app that packages installed without each other link to, built in one place.

Anitya's project page is linked from Anitya's messages and from the-new-hotness's (whose bodies
carry the Anitya message that triggered them); neither package may need the other.
"""

from __future__ import annotations

from . import urls

ANITYA_URL = "https://release-monitoring.org/"


def anitya_project_url(project_id: int | None) -> str | None:
    """The page of a project on release-monitoring.org, ``https://release-monitoring.org/project/<id>/``.

    None without an id (or with one that is not a whole number of at least 0).
    """
    if not isinstance(project_id, int) or isinstance(project_id, bool) or project_id < 0:
        return None
    return f"{urls.join(ANITYA_URL + 'project', project_id)}/"
