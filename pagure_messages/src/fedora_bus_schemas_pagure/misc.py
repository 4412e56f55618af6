"""The test notification a project admin can trigger."""

from __future__ import annotations

from fedora_bus_schemas_core.access import text

from .base import PagureMessage


class TestNotificationV1(PagureMessage):
    """A project admin sent a test notification from the project's settings (to check web-hooks).

    The body carries only a fixed text: it names neither the project nor the admin.
    """

    __test__ = False  # not a pytest test class, whatever its name

    schema_name = "pagure.Test.notification"
    topic = "pagure.Test.notification"

    def summarize(self) -> str:
        content = text(self.body, "content")
        sentence = "A project admin sent a test notification"
        return f"{sentence}: {content}" if content else sentence

    @property
    def url(self) -> str | None:
        """None: the body names no project."""
        return None

    def details(self) -> list[tuple[str, str]]:
        return [("Content", text(self.body, "content"))]
