"""Greenwave publishes one message: a gating decision changed."""

from __future__ import annotations

from typing import Any

from fedora_bus_schemas_core import SchemaMessage
from fedora_bus_schemas_core.access import flag, items, mapping, text, unique_sorted
from fedora_bus_schemas_core.subjects import Subject, subject_of
from fedora_bus_schemas_core.text import join_words, sentence_start, yes_no


def _sentence_tail(summary: str) -> str:
    """Greenwave's capitalised summary, ready to follow a colon (acronyms keep their case)."""
    if len(summary) > 1 and summary[1].isupper():
        return summary
    return summary[:1].lower() + summary[1:]


class DecisionUpdateV1(SchemaMessage):
    """Greenwave's gating decision for a subject, decision context and product version changed.

    Greenwave recomputes its decisions when ResultsDB stores a result or WaiverDB records a
    waiver, and publishes this message only when a decision differs from the one just before.
    """

    schema_name = "greenwave.decision.update.v1"
    topic = "greenwave.decision.update"
    app_name = "greenwave"
    app_icon = "https://apps.fedoraproject.org/img/icons/greenwave.png"

    def _requirements(self, key: str) -> list[Any]:
        return items(self.body, key)

    @property
    def packages(self) -> list[str]:
        """Packages of the build subject and of builds named in the requirements."""
        subjects = [subject_of(self.body)] + [
            Subject(text(requirement, "subject_type"), text(requirement, "subject_identifier"))
            for key in ("satisfied_requirements", "unsatisfied_requirements")
            for requirement in self._requirements(key)
        ]
        return unique_sorted(name for subject in subjects for name in subject.packages)

    @property
    def url(self) -> str | None:
        """The subject's page: the Bodhi update, or the Koji build."""
        return subject_of(self.body).url

    def _verdict(self) -> str:
        satisfied = flag(self.body, "policies_satisfied")
        if satisfied is None:
            satisfied = flag(self.body, "policies_satisified")  # Greenwave <= 0.7.1 spelling
        before = flag(mapping(self.body, "previous"), "policies_satisfied")
        if satisfied is None:
            return "has a new gating decision under"
        if before is None:
            return "passes" if satisfied else "fails"
        if satisfied != before:
            return "now passes" if satisfied else "no longer passes"
        return "still passes" if satisfied else "still fails"

    def summarize(self) -> str:
        subject = subject_of(self.body)
        who = subject.label if subject.identifier else "a subject"
        if who != subject.identifier:
            who = sentence_start(who)
        context = text(self.body, "decision_context") or "its gating policies"
        version = text(self.body, "product_version")
        sentence = f"{who} {self._verdict()} {context}"
        if version:
            sentence += f" for {version}"
        summary = text(self.body, "summary")
        return f"{sentence}: {_sentence_tail(summary)}" if summary else sentence

    def details(self) -> list[tuple[str, str]]:
        subject = subject_of(self.body)
        unsatisfied = [
            f"{text(requirement, 'testcase') or text(requirement, 'type')} ({text(requirement, 'type')})"
            for requirement in self._requirements("unsatisfied_requirements")
        ]
        satisfied = flag(self.body, "policies_satisfied")
        return [
            ("Subject", f"{subject.type} {subject.identifier}".strip()),
            ("Decision context", text(self.body, "decision_context")),
            ("Product version", text(self.body, "product_version")),
            ("Satisfied", yes_no(satisfied)),
            ("Greenwave says", text(self.body, "summary")),
            ("Before", text(self.body, "previous", "summary")),
            ("Unsatisfied", join_words(unsatisfied)),
            (
                "Policies",
                join_words([p for p in items(self.body, "applicable_policies") if isinstance(p, str)]),
            ),
            ("Waived test case", text(self.body, "testcase")),
        ]
