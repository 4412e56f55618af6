"""Job messages: a job was created, finished, restarted, cancelled, deleted or its result changed.

Every job message carries the job's id, the number of jobs still pending for its build and the
scenario keys (BUILD, TEST, ARCH, MACHINE, FLAVOR, ISO/HDD_1). Bodies from 2016 carry only a
lower-case ``build``; their ids may be strings.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from fedora_bus_schemas_core.access import dig, integer, items, mapping, text, texts, unique_sorted
from fedora_bus_schemas_core.nvr import package_name
from fedora_bus_schemas_core.text import join_words, plural

from .base import OpenQAMessage

#: Settings that list the NVRs of the update a job tests (``ADVISORY_NVRS_1``, ``_2``...: chunks of
#: 20; one ``ADVISORY_NVRS`` in older jobs). Bodies carry them only for jobs created through
#: ``POST /api/v1/jobs`` (clones), which echoes every setting.
ADVISORY_NVRS = r"^ADVISORY_NVRS(_[0-9]+)?$"

#: How a sentence says a job ended with each result openQA knows.
RESULT_PHRASES = {
    "passed": "passed",
    "softfailed": "passed with soft failures",
    "failed": "failed",
    "incomplete": "was incomplete",
    "skipped": "was skipped",
    "obsoleted": "was obsoleted by a newer build",
    "parallel_failed": "failed with a parallel job",
    "parallel_restarted": "was restarted with a parallel job",
    "user_cancelled": "was cancelled by a user",
    "user_restarted": "was restarted by a user",
    "timeout_exceeded": "timed out",
}


def result_phrase(result: str) -> str:
    """``failed``, ``was incomplete``...; ``finished`` without a result, or with ``none``."""
    if not result or result == "none":
        return "finished"
    return RESULT_PHRASES.get(result, f"finished with result {result}")


class JobMessage(OpenQAMessage):
    """Base of the job messages: the job, its scenario, its page and the packages it tests."""

    def _id(self) -> str:
        """The job id as text (a number, or a string of digits in older bodies); '' if absent."""
        return text(self.body, "id")

    def _build(self) -> str:
        return text(self.body, "BUILD") or text(self.body, "build")

    def _job(self) -> str:
        """``openQA job 2866139 (install_default_upload, x86_64, Fedora-Rawhide-20241105.n.0)``."""
        scenario = ", ".join(
            value for value in (text(self.body, "TEST"), text(self.body, "ARCH"), self._build()) if value
        )
        job_id = self._id()
        name = f"openQA job {job_id}" if job_id else "An openQA job"
        return f"{name} ({scenario})" if scenario else name

    def _failed_modules(self) -> list[str]:
        return texts(items(self.body, "failedmodules"))

    @property
    def url(self) -> str | None:
        """The job's page on the openQA instance that sent the message."""
        return self.page("tests", self._id())

    @property
    def packages(self) -> list[str]:
        """Packages of the update builds the job tests, when the body lists them (cloned jobs)."""
        body = mapping(self.body)
        return unique_sorted(
            package_name(nvr)
            for key, value in body.items()
            if isinstance(key, str) and re.match(ADVISORY_NVRS, key) and isinstance(value, str)
            for nvr in value.split()
        )

    def details(self) -> list[tuple[str, str]]:
        bugref = text(self.body, "bugref")
        bugurl = text(self.body, "bugurl")
        remaining = integer(self.body, "remaining")
        return [
            ("Job", self._id()),
            ("Test", text(self.body, "TEST")),
            ("Build", self._build()),
            ("Arch", text(self.body, "ARCH")),
            ("Machine", text(self.body, "MACHINE")),
            ("Flavor", text(self.body, "FLAVOR")),
            ("ISO", text(self.body, "ISO")),
            ("Disk", text(self.body, "HDD_1")),
            ("Job group", text(self.body, "group_id")),
            ("Failed modules", ", ".join(self._failed_modules())),
            ("Bug", f"{bugref} ({bugurl})" if bugref and bugurl else bugref),
            (
                "Pending",
                f"{plural(remaining, 'job')} of this build" if remaining is not None else "",
            ),
        ]


class JobCreateV1(JobMessage):
    """openQA created a job (for a compose, an update, or a clone)."""

    schema_name = "openqa.job.create.v1"
    topic = "openqa.job.create"

    def summarize(self) -> str:
        return f"{self._job()} was scheduled"


class JobDoneV1(JobMessage):
    """An openQA job finished, with its result, failed modules and bug reference."""

    schema_name = "openqa.job.done.v1"
    topic = "openqa.job.done"

    def summarize(self) -> str:
        sentence = f"{self._job()} {result_phrase(text(self.body, 'result'))}"
        why = text(self.body, "reason") or ", ".join(self._failed_modules())
        return f"{sentence}: {why}" if why else sentence

    def details(self) -> list[tuple[str, str]]:
        return [
            ("Result", text(self.body, "result")),
            ("Reason", text(self.body, "reason")),
            *super().details(),
        ]


class _CloneMessage(JobMessage):
    """A job was cloned: restarted (today) or duplicated (before openQA 2020-08)."""

    #: The verb of the summary: ``restarted``, ``duplicated``.
    verb = "restarted"

    def _auto(self) -> bool:
        return text(self.body, "auto") == "1"

    @property
    def new_jobs(self) -> list[str]:
        """Ids of the jobs the clone created, this job's own clone first (the whole cluster)."""
        result = dig(self.body, "result")
        job_id = self._id()
        if not isinstance(result, Mapping):
            new = text(self.body, "result")  # 2016 bodies: the one new id
            return [new] if new else []
        own = text(result, job_id) if job_id else ""
        others = [text(result, key) for key in result if key != job_id]
        return [job for job in [own, *others] if job]

    def summarize(self) -> str:
        how = f"automatically {self.verb}" if self._auto() else self.verb
        new = self.new_jobs
        sentence = f"{self._job()} was {how}"
        if new:
            sentence += f" as job {new[0]}"
        if len(new) > 1:
            sentence += f", with {plural(len(new) - 1, 'other job')} of its cluster"
        return sentence

    @property
    def url(self) -> str | None:
        """The page of the new job (the original job's page when the new one is unknown)."""
        new = self.new_jobs
        return (self.page("tests", new[0]) if new else None) or super().url

    def details(self) -> list[tuple[str, str]]:
        return [
            ("New jobs", join_words(self.new_jobs)),
            ("Requested by", "openQA" if self._auto() else ""),
            ("Comment", text(self.body, "comment")),
            *super().details(),
        ]


class JobRestartV1(_CloneMessage):
    """An openQA job (and the jobs of its cluster) was restarted as new jobs."""

    schema_name = "openqa.job.restart.v1"
    topic = "openqa.job.restart"


class JobDuplicateV1(_CloneMessage):
    """An openQA job was duplicated; openQA has reported this as ``openqa.job.restart`` since 2020-08."""

    schema_name = "openqa.job.duplicate.v1"
    topic = "openqa.job.duplicate"
    deprecated = True
    replaced_by = "openqa.job.restart.v1"
    verb = "duplicated"


class JobCancelV1(JobMessage):
    """A user or client cancelled an openQA job."""

    schema_name = "openqa.job.cancel.v1"
    topic = "openqa.job.cancel"

    def summarize(self) -> str:
        reason = text(self.body, "reason")
        sentence = f"{self._job()} was cancelled"
        return f"{sentence}: {reason}" if reason else sentence

    def details(self) -> list[tuple[str, str]]:
        return [("Reason", text(self.body, "reason")), *super().details()]


class JobDeleteV1(JobMessage):
    """An openQA job is being deleted."""

    schema_name = "openqa.job.delete.v1"
    topic = "openqa.job.delete"

    def summarize(self) -> str:
        return f"{self._job()} was deleted"


class JobUpdateResultV1(JobMessage):
    """The result of an openQA job was set directly."""

    schema_name = "openqa.job.update_result.v1"
    topic = "openqa.job.update_result"

    def summarize(self) -> str:
        result = text(self.body, "result")
        if not result:
            return f"The result of {self._job()} changed"
        return f"The result of {self._job()} is now {result}"

    def details(self) -> list[tuple[str, str]]:
        return [
            ("Result", text(self.body, "result")),
            ("State", text(self.body, "state")),
            *super().details(),
        ]
