"""What every openQA message shares: the instance it comes from and how pages on it are addressed.

openQA's AMQP plugin turns the server's internal events into messages (Fedora subclasses it as
``FedoraMessaging.pm``, which only adds the fedora-messaging headers, schema ``base.message``).
Production and staging publish the same topics under different environment prefixes, so the
instance a message links to is read from the received topic.
"""

from __future__ import annotations

from fedora_bus_schemas_core import SchemaMessage, urls

OPENQA_URL = "https://openqa.fedoraproject.org"
OPENQA_STAGING_URL = "https://openqa.stg.fedoraproject.org"
#: The environment part of a staging topic (``org.fedoraproject.stg.openqa.job.done``).
STAGING = "stg"


class OpenQAMessage(SchemaMessage):
    """Base of every openQA message: the app, and the instance its pages live on."""

    app_name = "openqa"
    app_icon = "https://apps.fedoraproject.org/img/icons/openqa.png"

    @property
    def instance_url(self) -> str:
        """The openQA server that sent the message: staging for ``*.stg.*`` topics, else production."""
        topic = self.topic if isinstance(self.topic, str) else ""
        return OPENQA_STAGING_URL if STAGING in topic.split(".") else OPENQA_URL

    def page(self, *path: str, anchor: str = "") -> str | None:
        """The address of a page on the instance, from path segments taken from the message (each
        quoted), at ``anchor``; None when a segment cannot name a page (empty, ``.``, ``..``)."""
        address = urls.join(self.instance_url, *path)
        fragment = urls.segment(anchor) if anchor else None
        return f"{address}#{fragment}" if address and fragment else address
