"""The base class of every message class in the collection."""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING, Any, ClassVar

from fedora_messaging.message import Message

from . import headers, resources, urls
from .text import printable, truncate

if TYPE_CHECKING:
    from .validation import MessageValidator


class ShippedSchema:
    """``body_schema`` of a class: the package's ``schemas/<schema_name>.json``, read on first use.

    fedora-messaging loads every class of every installed schema package when it scans the
    ``fedora.messages`` entry points; reading and parsing each schema file then would make every
    consumer pay for all of them. As a descriptor, the document is read only when ``body_schema`` is
    first read, from the class or from an instance, and is the same plain dict every time after.
    """

    def __get__(self, instance: object, owner: type[SchemaMessage]) -> dict[str, Any]:
        # The class that names the schema ships it, in its own package: a subclass elsewhere (a
        # consumer's, say) that keeps the name keeps the schema.
        for cls in owner.__mro__:
            schema_name = cls.__dict__.get("schema_name")
            if schema_name:
                return resources.load_schema(cls.__module__, schema_name)
        return Message.body_schema  # abstract bases: fedora-messaging's default


class SchemaMessage(Message):
    """A fedora-messaging message whose body schema is a JSON file shipped with its package.

    Subclasses set :attr:`schema_name` (the ``fedora.messages`` entry-point name, which travels in
    the ``fedora_messaging_schema`` header) and :attr:`topic`; ``body_schema`` is then exactly the
    document ``schemas/<schema_name>.json`` of the subclass's package, read when first used.
    """

    #: Entry-point name of the class; empty on abstract base classes.
    schema_name: ClassVar[str] = ""
    #: Schema name of the class that replaces a deprecated one.
    replaced_by: ClassVar[str | None] = None
    #: Environment prefix the app publishes under in production (``topic_prefix``).
    topic_prefix: ClassVar[str] = "org.fedoraproject.prod."

    #: ``schemas/<schema_name>.json`` of the package of the class that sets ``schema_name``.
    body_schema = ShippedSchema()  # type: ignore[assignment]

    def validate(self) -> None:
        """Validate headers and body exactly as ``Message.validate`` does, with cached validators.

        Raises:
            jsonschema.ValidationError: the same best-match error ``Message.validate`` raises.
            jsonschema.SchemaError: if one of the schemas is itself invalid.
        """
        _validator_for(type(self)).validate(self._headers, self.body)

    @classmethod
    def accepts(cls, body: Any) -> bool:
        """True when ``body`` is valid for this class (headers aside)."""
        return _validator_for(cls).accepts_body(body)

    def _filter_headers(self) -> dict[str, Any]:
        """fedora-messaging's filter headers, without those AMQP cannot carry (see :mod:`.headers`).

        Upstream makes a key per name, so one over-long name would make the message unpublishable.
        """
        return headers.publishable(super()._filter_headers(), self.topic)

    @property
    def agent_avatar(self) -> str | None:
        """fedora-messaging's Libravatar URL for :attr:`agent_name`, even one UTF-8 cannot encode."""
        return urls.avatar(self.agent_name)

    @property
    def summary(self) -> str:
        """One trimmed line of at most :data:`~.text.SUMMARY_WIDTH` characters, control-free."""
        return truncate(printable(self.summarize())) or truncate(printable(self.topic))

    def summarize(self) -> str:
        """The sentence :attr:`summary` shows; subclasses say what happened."""
        return self.topic

    def details(self) -> list[tuple[str, str]]:
        """Labelled facts that ``__str__`` lists under the summary; subclasses add theirs."""
        return []

    def __str__(self) -> str:
        """The summary, then one aligned ``Label: value`` per fact; multi-line values stay aligned.

        Values are message content: escape sequences and control characters are taken out.
        """
        lines = [self.summary, ""]
        facts = [(label, printable(value).strip()) for label, value in self.details() if value]
        if self.url:
            facts.append(("URL", printable(self.url).strip()))
        width = max((len(label) for label, value in facts if value), default=0)
        for label, value in facts:
            if value:
                first, *more = value.split("\n")
                lines.append(f"{label + ':':<{width + 1}} {first.rstrip()}")
                lines.extend(f"{'':<{width + 1}} {line}".rstrip() for line in more)
        return "\n".join(lines).rstrip() + "\n"


@functools.cache
def _validator_for(cls: type[Message]) -> MessageValidator:
    # Imported here: jsonschema-rs costs more to import than all of a package's classes, and a
    # consumer that only loads the classes (fedora-messaging's entry-point scan) never needs it.
    from .validation import MessageValidator

    return MessageValidator(
        (cls.headers_schema, Message.headers_schema),
        (cls.body_schema, Message.body_schema),
    )
