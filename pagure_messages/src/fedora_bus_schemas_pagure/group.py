"""Messages about Pagure groups."""

from __future__ import annotations

from fedora_bus_schemas_core.access import items, mapping, text
from fedora_bus_schemas_core.text import join_words

from .base import PagureMessage, excerpt, person

#: How sentences name the attributes ``pagure.group.edit`` lists in ``fields``.
GROUP_FIELDS = {"display_name": "display name", "description": "description"}


class GroupEditV1(PagureMessage):
    """Someone changed the display name or description of a Pagure group."""

    schema_name = "pagure.group.edit"
    topic = "pagure.group.edit"

    def _fields(self) -> list[str]:
        return [
            GROUP_FIELDS.get(field, field)
            for field in items(self.body, "fields")
            if isinstance(field, str) and field
        ]

    def summarize(self) -> str:
        name = text(self.body, "group", "name")
        group = f"the group {name}" if name else "a group"
        fields = self._fields()
        what = f"the {join_words(fields)} of " if fields else ""
        return f"{self._who()} edited {what}{group}"

    def details(self) -> list[tuple[str, str]]:
        group = mapping(self.body, "group")
        return [
            ("Group", text(group, "name")),
            ("Display name", text(group, "display_name")),
            ("Description", excerpt(text(group, "description"))),
            ("Created by", person(mapping(group, "creator"))),
            ("Changed", join_words(self._fields())),
            ("By", self._agent()),
        ]
