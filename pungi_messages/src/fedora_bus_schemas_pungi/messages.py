"""The Pungi messages: a compose's status and phases, its ISO images, OSTree commits and container
pushes, and composes that could not start."""

from __future__ import annotations

import posixpath

from fedora_bus_schemas_core.access import items, mapping, text, texts
from fedora_bus_schemas_core.text import join_words, plural

from .base import PungiMessage, public_url

#: How a sentence says a compose reached each status of its STATUS file.
STATUS_PHRASES = {
    "STARTED": "started",
    "FINISHED": "finished",
    "FINISHED_INCOMPLETE": "finished incomplete",
    "DOOMED": "failed (DOOMED)",
    "TERMINATED": "was terminated",
}

#: How many characters of an OSTree commit checksum a sentence shows.
COMMIT_WIDTH = 12


class StatusChangeV1(PungiMessage):
    """A compose started, finished (completely or not), failed or was terminated."""

    schema_name = "pungi.compose.status.change.v1"
    topic = "pungi.compose.status.change"

    def summarize(self) -> str:
        status = text(self.body, "status")
        phrase = STATUS_PHRASES.get(status, f"changed status to {status}" if status else "changed status")
        return f"{self._compose()} {phrase}"

    def details(self) -> list[tuple[str, str]]:
        return [("Status", text(self.body, "status")), *super().details()]


class _PhaseMessage(PungiMessage):
    """A compose started or finished one of its phases."""

    #: ``started``, ``finished``.
    verb = ""

    def summarize(self) -> str:
        phase = text(self.body, "phase_name")
        what = f"the {phase} phase" if phase else "a phase"
        return f"{self._compose()} {self.verb} {what}"

    def details(self) -> list[tuple[str, str]]:
        return [("Phase", text(self.body, "phase_name")), *super().details()]


class PhaseStartV1(_PhaseMessage):
    """A compose started one of its phases."""

    schema_name = "pungi.compose.phase.start.v1"
    topic = "pungi.compose.phase.start"
    verb = "started"


class PhaseStopV1(_PhaseMessage):
    """A compose finished one of its phases."""

    schema_name = "pungi.compose.phase.stop.v1"
    topic = "pungi.compose.phase.stop"
    verb = "finished"


class CreateisoTargetsV1(PungiMessage):
    """The createiso phase of a compose is about to create these ISO images."""

    schema_name = "pungi.compose.createiso.targets.v1"
    topic = "pungi.compose.createiso.targets"

    def _images(self) -> list[str]:
        return texts(items(self.body, "deliverables"))

    def summarize(self) -> str:
        count = len(self._images())
        if not count:
            return f"{self._compose()} has no ISO images to create"
        return f"{self._compose()} is creating {plural(count, 'ISO image')}"

    def details(self) -> list[tuple[str, str]]:
        names = [posixpath.basename(path) for path in self._images()]
        return [("Images", join_words(names)), *super().details()]


class _ImageMessage(PungiMessage):
    """The createiso phase of a compose finished with one ISO image, or failed to make it."""

    def _file(self) -> str:
        return text(self.body, "file")

    def _image(self) -> str:
        """``the Server x86_64 ISO Fedora-Server-dvd-x86_64-Rawhide-20241105.n.0.iso``."""
        kind = self._words("variant", "arch")
        name = posixpath.basename(self._file())
        words = ["the", kind, "ISO", name] if kind else ["an ISO", name]
        return " ".join(word for word in words if word)

    def details(self) -> list[tuple[str, str]]:
        return [
            ("Image", self._file()),
            ("Variant", text(self.body, "variant")),
            ("Arch", text(self.body, "arch")),
            *super().details(),
        ]


class CreateisoImageDoneV1(_ImageMessage):
    """The createiso phase of a compose created an ISO image."""

    schema_name = "pungi.compose.createiso.imagedone.v1"
    topic = "pungi.compose.createiso.imagedone"

    def summarize(self) -> str:
        return f"{self._compose()} created {self._image()}"

    @property
    def url(self) -> str | None:
        """The published image, when its place in the compose is known; else the compose."""
        inside = self._relative_to_compose(self._file())
        return (public_url(self._location(), inside) if inside else None) or super().url


class CreateisoImageFailV1(_ImageMessage):
    """The createiso phase of a compose failed to create an ISO image."""

    schema_name = "pungi.compose.createiso.imagefail.v1"
    topic = "pungi.compose.createiso.imagefail"

    def summarize(self) -> str:
        return f"{self._compose()} failed to create {self._image()}"


class OstreeV1(PungiMessage):
    """The ostree phase of a compose committed an OSTree (or found nothing to commit)."""

    schema_name = "pungi.compose.ostree.v1"
    topic = "pungi.compose.ostree"

    def summarize(self) -> str:
        ref = text(self.body, "ref") or "its OSTree ref"
        commit = text(self.body, "commitid")
        if not commit:
            return f"{self._compose()} made no new commit on {ref}"
        return f"{self._compose()} committed {commit[:COMMIT_WIDTH]} on {ref}"

    def details(self) -> list[tuple[str, str]]:
        return [
            ("Ref", text(self.body, "ref")),
            ("Commit", text(self.body, "commitid")),
            ("Variant", text(self.body, "variant")),
            ("Arch", text(self.body, "arch")),
            ("Repository", text(self.body, "repo_path") or text(self.body, "local_repo_path")),
            *super().details(),
        ]


class OsbsRequestPushV1(PungiMessage):
    """The osbs phase of a compose asks for the container images it built to be pushed."""

    schema_name = "pungi.compose.osbs.request.push.v1"
    topic = "pungi.compose.osbs.request.push"

    def _builds(self) -> list[str]:
        return sorted(key for key in mapping(self.body, "config") if isinstance(key, str))

    def summarize(self) -> str:
        images = plural(len(self._builds()), "container image")
        return f"{self._compose()} asks for {images} to be pushed to the registries"

    def details(self) -> list[tuple[str, str]]:
        return [
            ("Images", join_words(self._builds())),
            ("Registries", text(self.body, "config_location")),
            *super().details(),
        ]


class FailToStartV1(PungiMessage):
    """pungi-koji refused to start a compose (bad options or configuration)."""

    schema_name = "pungi.compose.fail.to.start.v1"
    topic = "pungi.compose.fail.to.start"

    def _errors(self) -> list[str]:
        return texts(items(self.body, "errors"))

    def summarize(self) -> str:
        config = posixpath.basename(text(self.body, "config"))
        what = f"A compose from {config}" if config else "A compose"
        detail = text(self.body, "detail")
        return f"{what} failed to start: {detail}" if detail else f"{what} failed to start"

    def details(self) -> list[tuple[str, str]]:
        return [
            ("Config", text(self.body, "config")),
            ("Target", text(self.body, "target_dir")),
            ("Command", " ".join(texts(items(self.body, "command")))),
            ("Errors", "; ".join(self._errors())),
        ]
