"""What every Koji message shares: the hub that sent it, its web pages and the task tree.

The koji-fedoramessaging hub plugin adds ``base_url`` (the hub's web address) and ``instance``
(``primary`` for koji.fedoraproject.org) to every body; build and task messages also carry
``files_base_url``, to which the file paths of task results are relative. fedmsg-era bodies lack
``base_url``: for the primary hub it is Fedora's.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator, Mapping
from typing import Any

from fedora_bus_schemas_core import SchemaMessage, urls
from fedora_bus_schemas_core.access import (
    dig,
    integer,
    items,
    mapping,
    optional_text,
    text,
    texts,
    unique_sorted,
)
from fedora_bus_schemas_core.nvr import package_name
from fedora_bus_schemas_core.text import sentence_start

#: Fedora's primary Koji hub, for bodies sent before the plugin added ``base_url``.
FEDORA_KOJI = "https://koji.fedoraproject.org"
#: The ``instance`` of koji.fedoraproject.org (secondary architecture hubs sent ``s390``, ``arm``...).
PRIMARY = "primary"
#: Koji's task states, by number (``koji.TASK_STATES``).
TASK_STATES = ("FREE", "OPEN", "CLOSED", "CANCELED", "ASSIGNED", "FAILED")
#: Result keys that list files, and how ``__str__`` labels each file.
RESULT_FILES = (("srpm", "SRPM"), ("srpms", "SRPM"), ("rpms", "RPM"), ("files", "Image"), ("logs", "Log"))
#: UTC; ``datetime.UTC`` only exists from Python 3.11 and the packages run on 3.9.
UTC = datetime.timezone.utc
#: How many nested sub-tasks ``__str__`` follows (koji trees are two or three levels deep).
MAX_DEPTH = 8


def when(value: Any) -> str:
    """A time from a Koji body (ISO 8601 string or seconds since the epoch) as ``YYYY-MM-DD HH:MM:SS UTC``.

    Anything that is not a time gives an empty string; a string that does not parse is shown as it is.
    """
    moment: datetime.datetime | None = None
    try:
        if isinstance(value, str) and value.strip():
            moment = datetime.datetime.fromisoformat(value.strip())
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            moment = datetime.datetime.fromtimestamp(value, UTC)
    except (ValueError, OverflowError, OSError):
        return value.strip() if isinstance(value, str) else ""
    if moment is None:
        return ""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%d %H:%M:%S UTC")


def opening(sentence: str) -> str:
    """``sentence`` with a capital when it opens with one of our words (``a build ...``); a sentence
    that opens with a name (``python-requests-...``, ``churchyard's ...``) keeps its case."""
    return sentence_start(sentence) if sentence.startswith(("a ", "an ", "the ")) else sentence


def nvr_of(data: Any) -> str:
    """``name-version-release`` of a build or RPM dict; empty when a part is missing."""
    parts = [text(data, "name"), text(data, "version"), text(data, "release")]
    return "-".join(parts) if all(parts) else ""


def source_package(source: str) -> str | None:
    """The package a build source names: a dist-git URL (``.../rpms/python-requests.git#<commit>``),
    its last segment (``python-requests.git#<commit>``) or a source RPM (``...-1.fc41.src.rpm``)."""
    source = source.strip()
    if source.endswith(".src.rpm"):
        return package_name(source.rsplit("/", 1)[-1][: -len(".src.rpm")])
    repository = source.split("#", 1)[0].split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1]
    if repository.endswith(".git"):
        repository = repository[: -len(".git")]
    return repository or None


def source_label(source: str) -> str:
    """What a build source reads as in a sentence: ``khal-0.11.2-1.fc38`` for a source RPM,
    ``python-atpublic at commit ae8818da`` for a git URL."""
    source = source.strip()
    if source.endswith(".src.rpm"):
        return source.rsplit("/", 1)[-1][: -len(".src.rpm")]
    repository, _, commit = source.partition("#")
    name = source_package(repository)
    if name and commit:
        return f"{name} at commit {commit[:8]}"
    return name or source


def task_tree(task: Any, depth: int = 0) -> Iterator[Mapping[str, Any]]:
    """A task and its sub-tasks, depth first, each level in order of completion (as upstream lists them)."""
    if not isinstance(task, Mapping) or depth > MAX_DEPTH:
        return
    yield task
    children = [child for child in items(task, "children") if isinstance(child, Mapping)]
    for child in sorted(children, key=_completion):
        yield from task_tree(child, depth + 1)


def _completion(task: Mapping[str, Any]) -> float:
    value = task.get("completion_time")
    return value if isinstance(value, (int, float)) and not isinstance(value, bool) else 0


def task_directory(task_id: int) -> str:
    """A task's folder under ``files_base_url``, as koji's PathInfo.task lays it out."""
    return f"tasks/{task_id % 10000}/{task_id}"


class KojiMessage(SchemaMessage):
    """Base of every Koji message: the hub, its web pages, the owner and the package."""

    app_name = "Koji"
    app_icon = "https://apps.fedoraproject.org/img/icons/koji.png"

    @property
    def owner(self) -> str | None:
        """Who built the build, or submitted the task, the message is about; None when it names nobody."""
        return None

    @property
    def agent_name(self) -> str | None:
        """Who caused the event, when the body says so."""
        return None

    @property
    def usernames(self) -> list[str]:
        """Who caused the event and the owner of the build, task or package concerned."""
        return unique_sorted([self.agent_name, self.owner])

    @property
    def packages(self) -> list[str]:
        """The package concerned."""
        return unique_sorted([self._package()])

    def _package(self) -> str | None:
        return None

    @property
    def tag(self) -> str:
        """Name of the tag the message is about (tag, repository and package list messages)."""
        return text(self.body, "tag")

    @property
    def tag_id(self) -> int | None:
        return integer(self.body, "tag_id")

    @property
    def instance(self) -> str:
        """The hub that sent the message: ``primary`` for koji.fedoraproject.org."""
        return text(self.body, "instance")

    @property
    def base_url(self) -> str | None:
        """The hub's web address: the body's ``base_url`` when it is an https URL; Fedora's
        primary hub for bodies of the primary instance sent before the plugin added it."""
        value = text(self.body, "base_url")
        if not value:
            return FEDORA_KOJI if self.instance in ("", PRIMARY) else None
        hub = urls.web(value)
        # Pages are added to the address: one with a query or a fragment cannot take them.
        return hub.rstrip("/") if hub and "?" not in hub and "#" not in hub else None

    @property
    def files_base_url(self) -> str | None:
        """Where the files of task results are served (``.../work``), or None when not sent."""
        served = urls.web(text(self.body, "files_base_url"), schemes=("https", "http"))
        return served.rstrip("/") if served else None

    def _page(self, page: str, **query: Any) -> str | None:
        """A page of the hub's web interface, with the query values quoted."""
        base = self.base_url
        if base is None:
            return None
        return urls.with_query(f"{base}/koji/{page}", **query)

    def _build_page(self, build_id: int | None, nvr: str) -> str | None:
        """A build's page by id; without an id, Koji's exact search for the NVR."""
        if build_id is not None:
            return self._page("buildinfo", buildID=build_id)
        if nvr:
            return self._page("search", terms=nvr, type="build", match="exact")
        return None

    def _tag_page(self) -> str | None:
        """The tag's page by id or, lacking one, by name (Koji's taginfo accepts both)."""
        if self.tag_id is not None:
            return self._page("taginfo", tagID=self.tag_id)
        return self._page("taginfo", tagID=self.tag) if self.tag else None

    def _file_url(self, path: str) -> str:
        """The URL of a task result file under ``files_base_url``, each path segment quoted; the
        path as it is when there is no such URL (no base, or ``.`` and ``..`` segments)."""
        return urls.join(self.files_base_url, path.strip(), slashes=True) or path.strip()

    def _instance_note(self) -> str:
        """`` on the s390 Koji hub`` for messages of a secondary hub; nothing for the primary one."""
        instance = self.instance
        return f" on the {instance} Koji hub" if instance and instance != PRIMARY else ""

    def _task_details(self, task: Any) -> list[tuple[str, str]]:
        """One line per task of the tree, each followed by the files its result lists (as upstream's
        mails do). Image tasks name their logs without a folder: those live in the task's own."""
        lines: list[tuple[str, str]] = []
        for node in task_tree(task):
            task_id = integer(node, "id")
            lines.append(("Task", self._task_line(node, task_id)))
            result = mapping(node, "result")
            for key, label in RESULT_FILES:
                value = dig(result, key)
                for path in texts(value if isinstance(value, list) else [value]):
                    if "/" not in path and task_id is not None:
                        path = f"{task_directory(task_id)}/{path}"
                    lines.append((label, self._file_url(path)))
        return lines

    def _task_line(self, task: Mapping[str, Any], task_id: int | None) -> str:
        """``110011391 buildArch (i386) on buildvm-x86-05, closed: <task page>``."""
        line = f"{task_id if task_id is not None else 'A task'} {text(task, 'method') or 'task'}"
        line += f" ({text(task, 'arch') or 'noarch'}) on {text(task, 'host_name') or 'no builder yet'}"
        state = integer(task, "state")
        if state is not None and 0 <= state < len(TASK_STATES):
            line += f", {TASK_STATES[state].lower()}"
        page = self._page("taskinfo", taskID=task_id) if task_id is not None else None
        return f"{line}: {page}" if page else line


class BuildMessage(KojiMessage):
    """Base of the messages that name a build at the top of the body (state changes, tagging)."""

    @property
    def name(self) -> str:
        """Name of the build's package."""
        return text(self.body, "name")

    @property
    def nvr(self) -> str:
        """``name-version-release`` of the build (empty when the body lacks a part)."""
        return nvr_of(self.body)

    @property
    def build_id(self) -> int | None:
        return integer(self.body, "build_id")

    @property
    def owner(self) -> str | None:
        """Who built the build."""
        return optional_text(self.body, "owner")

    def _package(self) -> str | None:
        return self.name
