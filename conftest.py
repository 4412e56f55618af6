"""Settings for every test in the repository, wherever pytest is started from."""

import os
from pathlib import Path

# Building a message reads fedora-messaging's configuration: use the test broker's, never /etc's.
os.environ.setdefault(
    "FEDORA_MESSAGING_CONF", str(Path(__file__).with_name("tests") / "fedora-messaging.toml")
)
