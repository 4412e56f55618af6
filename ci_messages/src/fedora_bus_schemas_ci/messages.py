"""A class per artifact of the spec, and a class per topic made from the topic table.

The topic classes differ only in their names (see :mod:`.topics`), so they are made from the
table rather than written out 52 times; each is still a module attribute with its own name,
registered explicitly in ``pyproject.toml`` (a test checks the two agree).
"""

from __future__ import annotations

from urllib.parse import urlsplit

from fedora_bus_schemas_core import urls
from fedora_bus_schemas_core.access import flag, items, text, unique_sorted
from fedora_bus_schemas_core.nvr import package_name
from fedora_bus_schemas_core.subjects import bodhi_update_url

from .base import CIMessage
from .topics import TOPICS, Topic

KOJI_TASK_URL = "https://koji.fedoraproject.org/koji/taskinfo"
MBS_BUILDS_URL = "https://mbs.fedoraproject.org/module-build-service/1/module-builds"
#: dist-git's namespace of RPM packages.
RPMS_NAMESPACE = "rpms"


class RpmBuildMessage(CIMessage):
    """A test of an RPM build in Koji (`koji-build`) or Brew (`brew-build`)."""

    @property
    def nvr(self) -> str:
        return text(self.body, "artifact", "nvr")

    @property
    def artifact_label(self) -> str:
        name = self.nvr or text(self.body, "artifact", "component")
        task = text(self.body, "artifact", "id")
        if not name:
            return f"build task {task}" if task else "an unnamed build"
        return f"scratch build {name}" if flag(self.body, "artifact", "scratch") else name

    @property
    def artifact_url(self) -> str | None:
        task = text(self.body, "artifact", "id")
        if not task or self._topic_parts[0] != "koji-build":
            return None  # Brew is internal to Red Hat
        return urls.with_query(KOJI_TASK_URL, taskID=task)

    @property
    def packages(self) -> list[str]:
        return unique_sorted([text(self.body, "artifact", "component") or package_name(self.nvr)])


class PullRequestMessage(CIMessage):
    """A test of a pull request on dist-git."""

    @property
    def repository_path(self) -> str:
        """``rpms/python-requests`` from the repository URL."""
        try:
            return urlsplit(text(self.body, "artifact", "repository")).path.strip("/")
        except ValueError:  # e.g. an unbalanced IPv6 bracket
            return ""

    @property
    def artifact_label(self) -> str:
        number = text(self.body, "artifact", "id")
        label = f"pull request #{number}" if number else "a pull request"
        return f"{label} of {self.repository_path}" if self.repository_path else label

    @property
    def artifact_url(self) -> str | None:
        repository = urls.web(text(self.body, "artifact", "repository"))
        return urls.join(repository, "pull-request", text(self.body, "artifact", "id"))

    @property
    def packages(self) -> list[str]:
        namespace, _, name = self.repository_path.rpartition("/")
        return unique_sorted([name]) if namespace.endswith(RPMS_NAMESPACE) and "/" not in name else []


class FedoraUpdateMessage(CIMessage):
    """A test of a Bodhi update."""

    @property
    def alias(self) -> str:
        return text(self.body, "artifact", "alias")

    @property
    def artifact_label(self) -> str:
        name = self.alias or text(self.body, "artifact", "id")
        return f"update {name}" if name else "an unnamed update"

    @property
    def artifact_url(self) -> str | None:
        return bodhi_update_url(self.alias)

    @property
    def packages(self) -> list[str]:
        builds = items(self.body, "artifact", "builds")
        return unique_sorted(package_name(text(build, "nvr")) for build in builds)

    @property
    def usernames(self) -> list[str]:
        return []  # the body does not say who submitted the update


class ComposeMessage(CIMessage):
    """A test or build of a compose."""

    @property
    def artifact_label(self) -> str:
        compose = text(self.body, "artifact", "id")
        return f"compose {compose}" if compose else "an unnamed compose"


class ModuleBuildMessage(CIMessage):
    """A test of a module build in the Module Build Service."""

    @property
    def artifact_label(self) -> str:
        name = text(self.body, "artifact", "nsvc") or text(self.body, "artifact", "nvr")
        return f"module {name}" if name else "an unnamed module build"

    @property
    def artifact_url(self) -> str | None:
        if self._topic_parts[0] != "fedora-module":
            return None
        return urls.join(MBS_BUILDS_URL, text(self.body, "artifact", "id"))

    @property
    def modules(self) -> list[str]:
        return unique_sorted([text(self.body, "artifact", "name")])


class ContainerImageMessage(CIMessage):
    """A test of a container image built in Brew."""

    @property
    def artifact_label(self) -> str:
        name = text(self.body, "artifact", "nvr") or text(self.body, "artifact", "id")
        return f"container image {name}" if name else "an unnamed container image"

    @property
    def containers(self) -> list[str]:
        return unique_sorted([text(self.body, "artifact", "component")])


class UncontrolledBuildMessage(CIMessage):
    """A test or build of an artifact that no build system tracks."""

    @property
    def artifact_label(self) -> str:
        for key in ("descriptor", "name", "url", "id"):
            if text(self.body, "artifact", key):
                return text(self.body, "artifact", key)
        return "an unnamed artifact"

    @property
    def artifact_url(self) -> str | None:
        return urls.web(text(self.body, "artifact", "url"))


class ProductBuildMessage(CIMessage):
    """A build of a product."""

    @property
    def artifact_label(self) -> str:
        name = text(self.body, "artifact", "nvr") or text(self.body, "artifact", "id")
        return f"product {name}" if name else "a product"


#: The class of each artifact definition of `schema_sources/definitions/`.
ARTIFACT_CLASSES: dict[str, type[CIMessage]] = {
    "rpm-build": RpmBuildMessage,
    "pull-request": PullRequestMessage,
    "fedora-update": FedoraUpdateMessage,
    "productmd-compose": ComposeMessage,
    "module-build": ModuleBuildMessage,
    "redhat-container-image": ContainerImageMessage,
    "uncontrolled-build": UncontrolledBuildMessage,
    "product-build": ProductBuildMessage,
}


def _topic_class(topic: Topic) -> type[CIMessage]:
    """The class of one topic: its artifact's class with the topic's names."""
    base = ARTIFACT_CLASSES[topic.artifact.definition]
    namespace = {
        "__module__": __name__,
        "__qualname__": topic.class_name,
        "__doc__": f"{topic.description}\n\nPublished by {topic.artifact.publishers}.",
        "schema_name": topic.schema_name,
        "topic": topic.topic,
        "topic_prefix": topic.artifact.topic_prefix,
    }
    return type(topic.class_name, (base,), namespace)


#: Every topic class by class name, e.g. ``TOPIC_CLASSES["KojiBuildTestCompleteV1"]``.
TOPIC_CLASSES: dict[str, type[CIMessage]] = {topic.class_name: _topic_class(topic) for topic in TOPICS}
globals().update(TOPIC_CLASSES)
