"""WaiverDB publishes one message: a waiver (or un-waiver) was recorded."""

from __future__ import annotations

from fedora_bus_schemas_core import SchemaMessage
from fedora_bus_schemas_core.access import flag, integer, optional_text, text, unique_sorted
from fedora_bus_schemas_core.subjects import subject_of
from fedora_bus_schemas_core.text import yes_no

WAIVER_URL = "https://waiverdb.fedoraproject.org/api/v1.0/waivers/{}"


class WaiverNewV1(SchemaMessage):
    """A waiver was recorded: a failed or missing test result no longer blocks gating.

    With ``waived: false`` the record revokes an earlier waiver instead.
    """

    schema_name = "waiverdb.waiver.new.v1"
    topic = "waiverdb.waiver.new"
    app_name = "waiverdb"
    app_icon = "https://apps.fedoraproject.org/img/icons/waiverdb.png"

    @property
    def agent_name(self) -> str | None:
        """The user the waiver is from (not the service account that may have proxied it)."""
        return optional_text(self.body, "username")

    @property
    def usernames(self) -> list[str]:
        return unique_sorted([self.agent_name])

    @property
    def packages(self) -> list[str]:
        return subject_of(self.body).packages

    @property
    def url(self) -> str | None:
        waiver_id = integer(self.body, "id")
        return WAIVER_URL.format(waiver_id) if waiver_id is not None else None

    def summarize(self) -> str:
        user = self.agent_name or "Someone"
        testcase = text(self.body, "testcase") or "a test result"
        subject = subject_of(self.body)
        on = f" for {subject.label}" if subject.identifier else ""
        version = text(self.body, "product_version")
        within = f" in {version}" if version else ""
        proxy = optional_text(self.body, "proxied_by")
        via = f" (through {proxy})" if proxy else ""
        if flag(self.body, "waived") is False:
            return f"{user} revoked the waiver of {testcase}{on}{within}{via}"
        return f"{user} waived {testcase}{on}{within}{via}"

    def details(self) -> list[tuple[str, str]]:
        subject = subject_of(self.body)
        return [
            ("Subject", f"{subject.type} {subject.identifier}".strip()),
            ("Test case", text(self.body, "testcase")),
            ("Scenario", text(self.body, "scenario")),
            ("Product version", text(self.body, "product_version")),
            ("Waived", yes_no(flag(self.body, "waived"), no="no (waiver revoked)")),
            ("By", text(self.body, "username")),
            ("Proxied by", text(self.body, "proxied_by")),
            ("Comment", text(self.body, "comment")),
            ("Recorded at", text(self.body, "timestamp")),
        ]
