"""What every Fedora CI message says, whatever its artifact: the test, the run, the result."""

from __future__ import annotations

from typing import Any

from fedora_bus_schemas_core import SchemaMessage, urls
from fedora_bus_schemas_core.access import dig, items, mapping, optional_text, text
from fedora_bus_schemas_core.text import join_words, sentence_start

#: How a summary says each test result (the spec's values; others are shown as they come).
RESULT_PHRASES = {
    "passed": "passed on",
    "failed": "failed on",
    "needs_inspection": "needs inspection on",
    "info": "ended with an informational result on",
    "not_applicable": "does not apply to",
}

#: How a summary says each state of a test.
TEST_STATE_PHRASES = {"queued": "is queued for", "running": "is running on", "error": "errored on"}

#: How a summary names each non-test event, and says each of its states.
EVENT_NOUNS = {"build": "Build", "promote": "Promotion"}
EVENT_STATE_PHRASES = {
    "queued": "is queued",
    "running": "is running",
    "complete": "completed",
    "error": "errored",
}


class CIMessage(SchemaMessage):
    """A message of the Fedora CI Messages spec: `ci.<artifact>.<event>.<state>`.

    Subclasses per artifact say how the artifact is named, linked and which packages and users it
    involves; the topic classes (one per topic of the spec) only set their names.
    """

    app_name = "ci"
    app_icon = "https://apps.fedoraproject.org/img/icons/jenkins.png"

    @property
    def _topic_parts(self) -> tuple[str, str, str]:
        """``(artifact, event, state)``: the last three components of the (prefixed) topic."""
        parts = (self.topic or type(self).topic or "").split(".")
        padded = ["", "", "", *parts][-3:]
        return padded[0], padded[1], padded[2]

    @property
    def event(self) -> str:
        """The event of the topic: `test`, `build` or `promote`."""
        return self._topic_parts[1]

    @property
    def state(self) -> str:
        """The state of the topic: `queued`, `running`, `complete` or `error`."""
        return self._topic_parts[2]

    @property
    def spec_version(self) -> str | None:
        """The release of the CI Messages spec the body says it follows, e.g. `0.2.1` or `1.1.14`."""
        return optional_text(self.body, "version")

    @property
    def spec_generation(self) -> int | None:
        """The generation of the spec the message follows: 0 (`0.2.x`) or 1 (`1.x`), None if unsaid.

        The bus carries both at once (openQA still sends 0.2.1, Fedora CI's Jenkins 1.x); they
        differ in what is required, which matters to a consumer that reads optional keys.
        """
        major = (self.spec_version or "").split(".", 1)[0]
        return int(major) if major.isdigit() else None

    @property
    def testcase_name(self) -> str | None:
        """The test case as ResultsDB names it, `<namespace>.<type>.<category>`, if the test says.

        The same name is the `testcase` of the matching `resultsdb.result.new` message and of
        Greenwave's requirements, so it joins the three.
        """
        parts = [text(self.body, "test", key) for key in ("namespace", "type", "category")]
        return ".".join(parts) if all(parts) else None

    @property
    def result(self) -> str | None:
        """The test result of a `complete` message (`passed`, `failed`, `needs_inspection`, ...)."""
        return optional_text(self.body, "test", "result") if self.state == "complete" else None

    @property
    def error_reason(self) -> str | None:
        """Why an `error` message's run was aborted."""
        return optional_text(self.body, "error", "reason")

    @property
    def run_url(self) -> str | None:
        """The run's page, if the body gives an https URL."""
        return urls.web(text(self.body, "run", "url"))

    @property
    def artifact_label(self) -> str:
        """How a sentence names the artifact: an NVR, `update FEDORA-…`, `compose …`; subclasses say."""
        return text(self.body, "artifact", "id") or "an unnamed artifact"

    @property
    def artifact_url(self) -> str | None:
        """The artifact's page (Koji task, Bodhi update, pull request, ...), where there is one."""
        return None

    @property
    def issuer(self) -> str | None:
        """The user whose build or pull request the message is about, if it names one."""
        issuer = text(self.body, "artifact", "issuer")
        # Brew builds submitted by services carry a Kerberos principal, not a user name.
        return issuer if issuer and "/" not in issuer and "@" not in issuer else None

    @property
    def url(self) -> str | None:
        """The run's page, else the artifact's."""
        return self.run_url or self.artifact_url

    @property
    def usernames(self) -> list[str]:
        """The user who issued the tested build or pull request."""
        return [self.issuer] if self.issuer else []

    @property
    def agent_name(self) -> str | None:
        """The user whose build or pull request started the run (CI systems name no other actor)."""
        return self.issuer

    def summarize(self) -> str:
        label = self.artifact_label
        if self.event != "test":
            noun = EVENT_NOUNS.get(self.event, sentence_start(self.event or "work"))
            phrase = EVENT_STATE_PHRASES.get(self.state, f"is {self.state or 'reported'}")
            return self._with_reason(f"{noun} of {label} {phrase}")
        subject = self.testcase_name or text(self.body, "test", "type") or "Testing"
        if self.state == "complete":
            outcome = text(self.body, "test", "result")
            otherwise = f"completed with result {outcome} on" if outcome else "completed on"
            phrase = RESULT_PHRASES.get(outcome, otherwise)
        else:
            phrase = TEST_STATE_PHRASES.get(self.state, f"is {self.state or 'reported'} on")
        return self._with_reason(f"{subject} {phrase} {label}")

    def _with_reason(self, sentence: str) -> str:
        reason = self.error_reason if self.state == "error" else None
        return f"{sentence}: {reason}" if reason else sentence

    def details(self) -> list[tuple[str, str]]:
        return [
            ("Result", text(self.body, "test", "result") if self.state == "complete" else ""),
            ("Error", self.error_reason or ""),
            ("Test case", self.testcase_name or ""),
            ("Artifact", self.artifact_label),
            ("Log", text(self.body, "run", "log")),
            ("System", _systems(dig(self.body, "system"))),
            ("Pipeline", text(self.body, "pipeline", "name")),
            ("Contact", _contact(mapping(self.body, "contact"))),
            ("Docs", text(self.body, "test", "docs") or text(self.body, "contact", "docs")),
            ("Note", text(self.body, "note") or text(self.body, "test", "note")),
            ("Spec version", self.spec_version or ""),
        ]


def _systems(value: Any) -> str:
    """``x86_64 fedora-41 Workstation (openqa)`` for each system; 2019 openQA sent one object."""
    systems = items(value) if isinstance(value, list) else [value]
    described = []
    for system in systems:
        words = [text(system, key) for key in ("architecture", "os", "variant")]
        provider = text(system, "provider")
        line = " ".join(word for word in words if word)
        if provider:
            line = f"{line} ({provider})" if line else provider
        if line:
            described.append(line)
    return join_words(described)


def _contact(contact: Any) -> str:
    """``Fedora openQA (Fedora QA) <qa-devel@lists.fedoraproject.org>, #fedora-qa``."""
    name, team, email, irc = (text(contact, key) for key in ("name", "team", "email", "irc"))
    line = name or team
    if name and team and team != name:
        line += f" ({team})"
    if email:
        line = f"{line} <{email}>" if line else email
    if irc:
        line = f"{line}, {irc}" if line else irc
    return line
