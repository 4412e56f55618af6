"""A fedora-messaging consumer callback for the broker test: record what arrives, then stop."""

from __future__ import annotations

import json
import time

from fedora_messaging import config
from fedora_messaging.exceptions import HaltConsumer


class Recorder:
    """Append each received message as a JSON line; halt once the expected count arrived."""

    def __init__(self) -> None:
        settings = config.conf["consumer_config"]
        self.expected = int(settings["expected"])
        self.output = settings["output"]
        self.count = 0

    def __call__(self, message) -> None:
        cls = type(message)
        record = {
            "at": time.monotonic(),
            "id": message.id,
            "class": f"{cls.__module__}.{cls.__qualname__}",
            "schema": getattr(cls, "schema_name", None),
            "topic": message.topic,
            "body": message.body,
            "summary": message.summary,
            "str": str(message),
        }
        with open(self.output, "a", encoding="utf-8") as stream:
            stream.write(json.dumps(record) + "\n")
        self.count += 1
        if self.count >= self.expected:
            raise HaltConsumer(exit_code=0, reason="all messages received")
