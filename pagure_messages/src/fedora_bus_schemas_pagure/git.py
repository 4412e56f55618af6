"""Messages the git hooks send about pushes: commits, branches and tags."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fedora_bus_schemas_core import urls
from fedora_bus_schemas_core.access import dig, flag, integer, mapping, text
from fedora_bus_schemas_core.text import plural

from .base import GitMessage, excerpt, number, person, short_hash


def _branch_name(value: str) -> str:
    return value.removeprefix("refs/heads/")


def _is_commit(value: str) -> bool:
    """False for the '^000…' placeholder Pagure sends as old_commit of a new branch."""
    return bool(value) and not value.startswith("^") and value.strip("0") != ""


class GitReceiveV1(GitMessage):
    """Someone pushed commits to a branch of a project.

    Fedmsg-era Pagure sent one message per commit, with a ``commit`` object instead of the
    summary of the push; the properties read both shapes.
    """

    schema_name = "pagure.git.receive"
    topic = "pagure.git.receive"

    def _count(self) -> int | None:
        value = dig(self.body, "total_commits")
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return value if isinstance(value, int) and not isinstance(value, bool) else None

    def _branch(self) -> str:
        return _branch_name(text(self.body, "branch") or text(self._legacy_commit(), "branch"))

    def _legacy_summary(self, commit: Mapping[str, Any]) -> str:
        who = self._agent() or text(commit, "username") or text(commit, "name") or "Someone"
        branch = self._branch()
        where = f"the {branch} branch of {self._project_label()}" if branch else self._project_label()
        sentence = f"{who} pushed a commit to {where}"
        summary = text(commit, "summary")
        return f"{sentence}: {summary}" if summary else sentence

    def summarize(self) -> str:
        commit = self._legacy_commit()
        if commit and not text(self.body, "end_commit"):
            return self._legacy_summary(commit)
        branch = self._branch()
        count = self._count()
        pr_id = integer(self.body, "pull_request_id")
        project = self._project_label()
        if pr_id is not None:
            into = f"the {branch} branch of {project}" if branch else project
            commits = f" ({plural(count, 'commit')})" if count is not None else ""
            return f"{self._who()} merged pull-request #{pr_id} into {into}{commits}"
        verb = "force-pushed" if flag(self.body, "forced") else "pushed"
        what = plural(count, "commit") if count is not None else "commits"
        where = f"the {branch} branch of {project}" if branch else project
        return f"{self._who()} {verb} {what} to {where}"

    @property
    def url(self) -> str | None:
        """The commit for a single-commit push, else the range pushed, else the branch's history."""
        repo = self._repo_url()
        end = text(self.body, "end_commit")
        old = text(self.body, "old_commit")
        if not end:
            return repo
        if self._count() == 1:
            return urls.join(repo, "c", end) or repo
        if _is_commit(old):
            return urls.join(repo, "c", f"{old}..{end}") or repo
        return urls.join(repo, "commits", self._branch(), slashes=True) or repo

    def details(self) -> list[tuple[str, str]]:
        commit = self._legacy_commit()
        old = text(self.body, "old_commit")
        end = text(self.body, "end_commit") or text(commit, "rev")
        pushed = f"{short_hash(old)}..{short_hash(end)}" if _is_commit(old) and end else short_hash(end)
        changed = mapping(self.body, "changed_files")
        count = self._count()
        return [
            *super().details(),
            ("Branch", self._branch()),
            ("Commits", plural(count, "commit") if count is not None else ""),
            ("Forced", "yes" if flag(self.body, "forced") else ""),
            ("Pushed", pushed),
            ("Files changed", str(len(changed)) if changed else ""),
            (
                "Pull-request",
                f"#{number(self.body, 'pull_request_id')}" if number(self.body, "pull_request_id") else "",
            ),
            ("Author", person(commit)),
            ("Message", excerpt(text(commit, "message"))),
        ]


class _GitRef(GitMessage):
    """A branch or tag was created or deleted by a push."""

    #: 'branch' or 'tag': the body key that names the ref.
    kind = ""
    #: True for the deletion topics.
    deleted = False

    def _ref(self) -> str:
        return (
            _branch_name(text(self.body, self.kind)) if self.kind == "branch" else text(self.body, self.kind)
        )

    def summarize(self) -> str:
        ref = self._ref()
        what = f"the {self.kind} {ref}" if ref else f"a {self.kind}"
        if self.deleted:
            return f"{self._who()} deleted {what} of {self._project_label()}"
        return f"{self._who()} created {what} in {self._project_label()}"

    def details(self) -> list[tuple[str, str]]:
        label = "Branch" if self.kind == "branch" else "Tag"
        return [*super().details(), (label, self._ref()), ("Revision", text(self.body, "rev"))]


class GitBranchCreationV1(_GitRef):
    """Someone pushed a new branch to a project."""

    schema_name = "pagure.git.branch.creation"
    topic = "pagure.git.branch.creation"
    kind = "branch"

    @property
    def url(self) -> str | None:
        """The history of the new branch."""
        return urls.join(self._repo_url(), "commits", self._ref(), slashes=True) or self._repo_url()


class GitBranchDeletionV1(_GitRef):
    """Someone deleted a branch of a project."""

    schema_name = "pagure.git.branch.deletion"
    topic = "pagure.git.branch.deletion"
    kind = "branch"
    deleted = True

    @property
    def url(self) -> str | None:
        """The project's remaining branches."""
        return urls.join(self._repo_url(), "branches") or self._repo_url()


class GitTagCreationV1(_GitRef):
    """Someone pushed a new git tag to a project."""

    schema_name = "pagure.git.tag.creation"
    topic = "pagure.git.tag.creation"
    kind = "tag"

    @property
    def url(self) -> str | None:
        """The tree at the new tag."""
        return urls.join(self._repo_url(), "tree", self._ref(), slashes=True) or self._repo_url()


class GitTagDeletionV1(_GitRef):
    """Someone deleted a git tag of a project."""

    schema_name = "pagure.git.tag.deletion"
    topic = "pagure.git.tag.deletion"
    kind = "tag"
    deleted = True

    @property
    def url(self) -> str | None:
        """The project's remaining tags (its releases page)."""
        return urls.join(self._repo_url(), "releases") or self._repo_url()
