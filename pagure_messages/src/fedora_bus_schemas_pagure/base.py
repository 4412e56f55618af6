"""What every Pagure message shares: where the project is, who acted, packages, usernames, urls."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from fedora_bus_schemas_core import SchemaMessage, urls
from fedora_bus_schemas_core.access import dig, integer, items, mapping, text, unique_sorted
from fedora_bus_schemas_core.text import join_words, truncate

#: Longest free text (descriptions, comments) ``__str__`` shows on its one line.
DETAIL_WIDTH = 300

#: Dist-git namespaces (src.fedoraproject.org) by the message property that lists their
#: repositories. Container images live under ``container/`` on src.fedoraproject.org (fedpkg's
#: namespace); ``containers`` is what pagure-messages 1.3.3 looked for, so it counts as well.
DIST_GIT_NAMESPACES = {
    "packages": frozenset({"rpms"}),
    "containers": frozenset({"container", "containers"}),
    "modules": frozenset({"modules"}),
    "flatpaks": frozenset({"flatpaks"}),
}

#: Keys under which bodies carry a pull-request: the current one, the legacy ``request.*`` one,
#: and the older name still duplicated in ``pull-request.tag.*``.
PULL_REQUEST_KEYS = ("pullrequest", "request", "pull_request")

EMPTY: Mapping[str, Any] = {}


def fork_owner(project: Any) -> str:
    """The user a fork belongs to ('' for a project that is not a fork)."""
    fullname = text(project, "fullname")
    if fullname.startswith("forks/"):
        parts = fullname.split("/")
        return parts[1] if len(parts) > 2 else ""
    if mapping(project, "parent"):
        return text(project, "user", "name")
    return ""


def project_path(project: Any) -> str:
    """``<namespace>/<name>`` (or ``<name>``) of a project, without any fork prefix."""
    name = text(project, "name")
    namespace = text(project, "namespace")
    if name:
        return f"{namespace}/{name}" if namespace else name
    fullname = text(project, "fullname")
    if fullname.startswith("forks/"):
        return fullname.split("/", 2)[2] if fullname.count("/") >= 2 else ""
    return fullname


def project_label(project: Any, agent: str = "") -> str:
    """How a sentence names a project: ``rpms/python-requests``, ``jsmith's fork of pagure``.

    A fork of the ``agent`` doing something is ``their fork of pagure``.
    """
    path = project_path(project)
    owner = fork_owner(project)
    if owner and path:
        return f"their fork of {path}" if owner == agent else f"{owner}'s fork of {path}"
    return path or text(project, "fullname")


def excerpt(value: str) -> str:
    """Free text (Markdown descriptions, comments) on one line, shortened for ``__str__``."""
    return truncate(value, DETAIL_WIDTH)


def short_hash(value: str) -> str:
    """The first 7 characters of a full commit hash; anything else unchanged."""
    return value[:7] if len(value) == 40 and all(c in "0123456789abcdef" for c in value) else value


def number(data: Any, *path: str | int) -> str:
    """A number such as an issue id as text ('' when missing); ``42.0`` reads ``42``."""
    value = dig(data, *path)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return text(data, *path)


def person(data: Any) -> str:
    """Username of a serialised user, or its full name when it has no username (git authors)."""
    return text(data, "name") or text(data, "fullname")


def tag_names(values: Any) -> list[str]:
    """The tags of a list, sorted and unique."""
    return unique_sorted(items(values))


def tag_list(values: Any) -> str:
    """``easyfix``, ``bug and easyfix``."""
    return join_words(tag_names(values))


def tags_phrase(values: Any) -> str:
    """``the tag easyfix``, ``the tags bug and easyfix``; '' without tags."""
    names = tag_names(values)
    if not names:
        return ""
    return f"the {'tag' if len(names) == 1 else 'tags'} {join_words(names)}"


def flag_sentence(flag: Any, who: str, target: str, updated: bool) -> str:
    """``Zuul flagged pull-request #12 on rpms/foo as success: Build succeeded.``"""
    name = text(flag, "username") or who
    status = text(flag, "status")
    if updated:
        sentence = f"{name} updated its flag on {target}" + (f" to {status}" if status else "")
    else:
        sentence = f"{name} flagged {target}" + (f" as {status}" if status else "")
    comment = text(flag, "comment")
    return f"{sentence}: {comment}" if comment else sentence


def flag_details(flag: Any) -> list[tuple[str, str]]:
    """The facts of a commit or pull-request flag."""
    status = text(flag, "status")
    percent = text(flag, "percent")
    if status and percent:
        status = f"{status} ({percent}%)"
    return [
        ("Flag", text(flag, "username")),
        ("Flag status", status),
        ("Flag comment", text(flag, "comment")),
        ("Flag details", text(flag, "url")),
        ("Flagged commit", text(flag, "commit_hash")),
    ]


class PagureMessage(SchemaMessage):
    """Base class of Pagure's messages.

    Pagure runs pagure.io, which publishes under ``io.pagure.prod.`` (``topic_prefix``), and
    src.fedoraproject.org (Fedora's dist-git), which publishes the very same topics and bodies
    under ``org.fedoraproject.prod.``; staging instances use ``.stg.``. Everything here reads the
    instance from the bodies' ``full_url`` values, so one class serves every instance.
    """

    app_name = "pagure"
    app_icon = "https://apps.fedoraproject.org/img/icons/pagure.png"
    topic_prefix: ClassVar[str] = "io.pagure.prod."

    #: Agents that are Pagure itself rather than a person (e.g. refreshing a pull-request).
    system_agents: ClassVar[frozenset[str]] = frozenset()

    # ------------------------------------------------------------------ locating things

    def _pull_request(self) -> Mapping[str, Any]:
        """The pull-request the message is about, under whichever key the body uses."""
        for key in PULL_REQUEST_KEYS:
            found = mapping(self.body, key)
            if found:
                return found
        return EMPTY

    def _issue(self) -> Mapping[str, Any]:
        return mapping(self.body, "issue")

    def _legacy_commit(self) -> Mapping[str, Any]:
        """The ``commit`` object of fedmsg-era ``git.receive`` bodies (one message per commit)."""
        return mapping(self.body, "commit")

    def _project(self) -> Mapping[str, Any]:
        """The project the message is about (for a pull-request: the target project)."""
        for found in (
            mapping(self.body, "project"),
            mapping(self.body, "repo"),
            mapping(self._pull_request(), "project"),
            mapping(self._issue(), "project"),
            mapping(self._legacy_commit(), "repo"),
        ):
            if found:
                return found
        return EMPTY

    def _projects(self) -> Iterator[Mapping[str, Any]]:
        """Every project the body names: the project, a fork's parent, a pull-request's source."""
        pull_request = self._pull_request()
        for found in (
            mapping(self.body, "project"),
            mapping(self.body, "repo"),
            mapping(pull_request, "project"),
            mapping(pull_request, "repo_from"),
            mapping(self._issue(), "project"),
            mapping(self._legacy_commit(), "repo"),
        ):
            if found:
                yield found
                parent = mapping(found, "parent")
                if parent:
                    yield parent

    def _project_label(self) -> str:
        """The project as a sentence names it after the agent (``their fork of ...``)."""
        return project_label(self._project(), self._agent()) or "a project"

    def _project_url(self) -> str | None:
        return urls.web(dig(self._project(), "full_url"))

    # ------------------------------------------------------------------ people

    def _agent(self) -> str:
        agent = text(self.body, "agent")
        return "" if agent in self.system_agents else agent

    def _who(self) -> str:
        """The agent as the subject of a sentence."""
        return self._agent() or "Someone"

    def _people(self) -> Iterator[Any]:
        """Usernames the message concerns besides the agent (subclasses add theirs)."""
        for obj in (self._issue(), self._pull_request()):
            yield dig(obj, "user", "name")
            yield dig(obj, "assignee", "name")
        yield dig(self.body, "comment", "user", "name")
        for author in items(self.body, "authors"):
            yield dig(author, "name")
        yield dig(self._legacy_commit(), "username")
        yield dig(self.body, "new_user")
        yield dig(self.body, "removed_user")

    @property
    def agent_name(self) -> str | None:
        """Who did it: the body's ``agent`` (None when Pagure itself acted)."""
        return self._agent() or text(self._legacy_commit(), "username") or None

    @property
    def usernames(self) -> list[str]:
        """The agent, the author and assignee of the issue or pull-request, and whoever else it names."""
        return unique_sorted([self._agent(), *self._people()])

    @property
    def groups(self) -> list[str]:
        """Pagure groups the message is about (given or removed access, edited)."""
        return unique_sorted(
            [
                dig(self.body, "new_group"),
                *items(self.body, "removed_groups"),
                dig(self.body, "group", "name"),
            ]
        )

    # ------------------------------------------------------------------ dist-git artefacts

    def _names_in(self, kind: str) -> list[str]:
        namespaces = DIST_GIT_NAMESPACES[kind]
        return unique_sorted(
            text(project, "name") for project in self._projects() if text(project, "namespace") in namespaces
        )

    @property
    def packages(self) -> list[str]:
        """RPM packages: projects in the ``rpms`` namespace of dist-git (forks included)."""
        return self._names_in("packages")

    @property
    def containers(self) -> list[str]:
        """Container images: projects in the ``container`` namespace of dist-git."""
        return self._names_in("containers")

    @property
    def modules(self) -> list[str]:
        """Modules: projects in the ``modules`` namespace of dist-git."""
        return self._names_in("modules")

    @property
    def flatpaks(self) -> list[str]:
        """Flatpaks: projects in the ``flatpaks`` namespace of dist-git."""
        return self._names_in("flatpaks")

    # ------------------------------------------------------------------ links and text

    @property
    def url(self) -> str | None:
        """The page of the object the message is about, from the body's ``full_url``."""
        for obj in (self._pull_request(), self._issue(), mapping(self.body, "group"), self._project()):
            found = urls.web(dig(obj, "full_url"))
            if found:
                return found
        return None

    def details(self) -> list[tuple[str, str]]:
        project = self._project()
        return [
            ("Project", project_label(project)),
            ("By", self._agent()),
        ]


class IssueMessage(PagureMessage):
    """Base class of the messages about an issue of a project's tracker."""

    def _issue_ref(self) -> str:
        issue_id = number(self._issue(), "id")
        return f"issue #{issue_id}" if issue_id else "an issue"

    def _issue_on_project(self) -> str:
        """``issue #42 on rpms/foo`` (just ``issue #42`` when the body names no project)."""
        label = project_label(self._project(), self._agent())
        return f"{self._issue_ref()} on {label}" if label else self._issue_ref()

    def _with_title(self, sentence: str) -> str:
        title = text(self._issue(), "title")
        return f"{sentence}: {title}" if title else sentence

    def _comment_url(self, comment_id: int | None) -> str | None:
        page = urls.web(dig(self._issue(), "full_url"))
        if page and comment_id is not None:
            return f"{page}#comment-{comment_id}"
        return page or self._project_url()

    def details(self) -> list[tuple[str, str]]:
        issue = self._issue()
        status = text(issue, "status")
        if status and text(issue, "close_status"):
            status = f"{status} ({text(issue, 'close_status')})"
        title = text(issue, "title")
        heading = f"#{number(issue, 'id')}" if number(issue, "id") else ""
        return [
            ("Project", project_label(self._project())),
            ("Issue", f"{heading} {title}".strip()),
            ("Status", status),
            ("Opened by", person(mapping(issue, "user"))),
            ("Assignee", person(mapping(issue, "assignee"))),
            ("Tags", tag_list(dig(issue, "tags"))),
            ("Milestone", text(issue, "milestone")),
            ("By", self._agent()),
        ]


class PullRequestMessage(PagureMessage):
    """Base class of the messages about a pull-request."""

    def _pr_ref(self) -> str:
        pr_id = number(self._pull_request(), "id")
        return f"pull-request #{pr_id}" if pr_id else "a pull-request"

    def _pr_on_project(self) -> str:
        """``pull-request #12 on rpms/foo`` (just ``pull-request #12`` without a project)."""
        label = project_label(self._project(), self._agent())
        return f"{self._pr_ref()} on {label}" if label else self._pr_ref()

    def _with_title(self, sentence: str) -> str:
        title = text(self._pull_request(), "title")
        return f"{sentence}: {title}" if title else sentence

    def _pr_url(self) -> str | None:
        return urls.web(dig(self._pull_request(), "full_url"))

    def _comment_url(self, comment_id: int | None) -> str | None:
        page = self._pr_url()
        if page and comment_id is not None:
            return f"{page}#comment-{comment_id}"
        return page or self._project_url()

    def _last_comment_id(self) -> int | None:
        comments = items(self._pull_request(), "comments")
        return integer(comments[-1], "id") if comments else None

    @property
    def url(self) -> str | None:
        return self._pr_url() or self._project_url()

    def _branches(self) -> str:
        pull_request = self._pull_request()
        source = text(pull_request, "branch_from")
        target = text(pull_request, "branch")
        origin = mapping(pull_request, "repo_from")
        if origin and source and fork_owner(origin):
            source = f"{fork_owner(origin)}:{source}"
        elif text(pull_request, "remote_git") and source:
            source = f"{text(pull_request, 'remote_git')} {source}"
        if source and target:
            return f"{source} → {target}"
        return source or target

    def details(self) -> list[tuple[str, str]]:
        pull_request = self._pull_request()
        title = text(pull_request, "title")
        heading = f"#{number(pull_request, 'id')}" if number(pull_request, "id") else ""
        return [
            ("Project", project_label(self._project())),
            ("Pull-request", f"{heading} {title}".strip()),
            ("Branches", self._branches()),
            ("Status", text(pull_request, "status")),
            ("Opened by", person(mapping(pull_request, "user"))),
            ("Assignee", person(mapping(pull_request, "assignee"))),
            ("Tags", tag_list(dig(pull_request, "tags"))),
            ("By", self._agent()),
        ]


class ProjectMessage(PagureMessage):
    """Base class of the messages about a project itself (creation, settings, access, tags)."""

    @property
    def url(self) -> str | None:
        return self._project_url()


class GitMessage(PagureMessage):
    """Base class of the messages the git hooks send about a push."""

    def _repo_url(self) -> str | None:
        return self._project_url()

    def details(self) -> list[tuple[str, str]]:
        authors = join_words(unique_sorted(person(author) for author in items(self.body, "authors")))
        return [*super().details(), ("Authors", authors)]
