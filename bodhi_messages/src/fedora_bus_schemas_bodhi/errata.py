"""The update notice (erratum) Bodhi mails after a push."""

from __future__ import annotations

from fedora_bus_schemas_core.access import text

from .base import UpdateMessage


class ErrataPublishV1(UpdateMessage):
    """Bodhi mailed the update notice (erratum) of a stable update to the release's announcement list."""

    schema_name = "bodhi.errata.publish.v1"
    topic = "bodhi.errata.publish"

    @property
    def agent_name(self) -> str | None:
        """The update's submitter (Bodhi sends the notice on their behalf)."""
        return self._submitter() or None

    def summarize(self) -> str:
        subject, alias = text(self.body, "subject"), self._alias()
        if subject:
            return (
                f"Update notice for {alias} published: {subject}"
                if alias
                else f"Update notice published: {subject}"
            )
        return f"Bodhi published the update notice of {self._update_ref()}"

    def details(self) -> list[tuple[str, str]]:
        return [
            ("Subject", text(self.body, "subject")),
            *self._update_details(),
            ("Notice", text(self.body, "body")),
        ]
