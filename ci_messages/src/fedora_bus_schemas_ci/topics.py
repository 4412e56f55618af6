"""The topics of the Fedora CI Messages spec: `ci.<artifact>.<event>.<state>`.

This table is the one list of topics of the package: the classes (:mod:`.messages`) and the topic
schema sources (`generate_topic_sources.py` next to `schema_sources/`) are both made from it.
Adding a topic of an existing artifact is one word in :data:`ARTIFACTS`; a new artifact needs a
row here, its definition file in `schema_sources/definitions/` and a class in
:data:`fedora_bus_schemas_ci.messages.ARTIFACT_CLASSES`.
"""

from __future__ import annotations

from typing import NamedTuple

#: Every event of the spec goes through these states (the spec's topic naming convention).
STATES = ("queued", "running", "complete", "error")

#: What each state means, for the docstrings: `{event}` is the event's noun.
STATE_MEANINGS = {
    "queued": "{event} of {artifact} has been queued and has not started yet",
    "running": "{event} of {artifact} has started and is in progress",
    "complete": "{event} of {artifact} has finished",
    "error": "{event} of {artifact} was aborted by an error before it finished",
}
#: Tests that ran and failed are not errors.
FAILURE_IS_NOT_ERROR = " (a test failure is not an error: the `complete` topic reports it)"

#: The noun of each event, as a sentence names it.
EVENT_NOUNS = {"test": "Testing", "build": "A build", "promote": "A promotion"}

#: Environment prefixes: Fedora's broker under the old CentOS CI name, Fedora's own, Red Hat's UMB.
CENTOS = "org.centos.prod."
FEDORA = "org.fedoraproject.prod."
UMB = "VirtualTopic.eng."


class Artifact(NamedTuple):
    """One kind of artifact the spec's topics are about."""

    #: The artifact component of the topic, e.g. `koji-build`.
    name: str
    #: The definition file (`schema_sources/definitions/<definition>.json`) of `artifact`.
    definition: str
    #: How a sentence names one such artifact, e.g. `a Koji build`.
    noun: str
    #: The events of the spec's topics for this artifact.
    events: tuple[str, ...]
    #: Where the topics are published in production (the class's `topic_prefix`).
    topic_prefix: str
    #: Who publishes them, for the docstrings.
    publishers: str


ARTIFACTS: tuple[Artifact, ...] = (
    Artifact(
        "koji-build",
        "rpm-build",
        "a Koji build",
        ("test",),
        CENTOS,
        "Fedora CI's Jenkins pipelines (jenkins-pipeline-library), on Fedora's broker",
    ),
    Artifact(
        "dist-git-pr",
        "pull-request",
        "a dist-git pull request",
        ("test",),
        CENTOS,
        "Fedora CI's Jenkins pipelines for pull requests on src.fedoraproject.org",
    ),
    Artifact(
        "fedora-update",
        "fedora-update",
        "a Bodhi update",
        ("test",),
        CENTOS,
        "Fedora CI's Jenkins pipelines (under `org.centos.prod.`) and Fedora openQA (under "
        "`org.fedoraproject.prod.`)",
    ),
    Artifact(
        "productmd-compose",
        "productmd-compose",
        "a compose",
        ("test", "build"),
        FEDORA,
        "Fedora openQA for the tests of Fedora composes; Red Hat's CI on UMB for compose builds",
    ),
    Artifact(
        "fedora-module",
        "module-build",
        "a Fedora module build",
        ("test",),
        CENTOS,
        "Fedora CI for module builds (modularity is retired since Fedora 39: archives only)",
    ),
    Artifact(
        "brew-build",
        "rpm-build",
        "a Brew build",
        ("test", "promote"),
        UMB,
        "Red Hat's CI on the UMB broker (topics `VirtualTopic.eng.ci.brew-build.*`)",
    ),
    Artifact(
        "redhat-module",
        "module-build",
        "a Red Hat module build",
        ("test",),
        UMB,
        "Red Hat's CI on the UMB broker",
    ),
    Artifact(
        "redhat-container-image",
        "redhat-container-image",
        "a Red Hat container image",
        ("test",),
        UMB,
        "Red Hat's CI on the UMB broker",
    ),
    Artifact(
        "uncontrolled-build",
        "uncontrolled-build",
        "a build from outside a build system",
        ("test", "build"),
        FEDORA,
        "any CI system testing an artifact that no build system tracks (the spec's examples)",
    ),
    Artifact(
        "product-build",
        "product-build",
        "a product build",
        ("build",),
        UMB,
        "Red Hat's CI on the UMB broker",
    ),
)


class Topic(NamedTuple):
    """One topic of the spec and the names this package gives it."""

    artifact: Artifact
    event: str
    state: str

    @property
    def topic(self) -> str:
        """The bare topic, e.g. `ci.koji-build.test.complete`."""
        return f"ci.{self.artifact.name}.{self.event}.{self.state}"

    @property
    def schema_name(self) -> str:
        """The `fedora.messages` entry-point name, e.g. `ci.koji-build.test.complete.v1`."""
        return f"{self.topic}.v1"

    @property
    def class_name(self) -> str:
        """The class name, e.g. `KojiBuildTestCompleteV1`."""
        words = [*self.artifact.name.split("-"), self.event, self.state]
        return "".join(word.capitalize() for word in words) + "V1"

    @property
    def description(self) -> str:
        """What a message on this topic says, as one sentence."""
        event, artifact = EVENT_NOUNS[self.event], self.artifact.noun
        meaning = STATE_MEANINGS[self.state].format(event=event, artifact=artifact)
        if self.event == "test" and self.state == "error":
            meaning += FAILURE_IS_NOT_ERROR
        return meaning + "."


#: Every topic, artifact by artifact, in the spec's state order.
TOPICS: tuple[Topic, ...] = tuple(
    Topic(artifact, event, state) for artifact in ARTIFACTS for event in artifact.events for state in STATES
)
