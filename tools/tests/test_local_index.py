"""Publish for real, locally: every distribution uploaded with twine to a package index on
127.0.0.1 (pypiserver), then one app package installed by name alone into a clean virtual
environment, where a fedora-messaging consumer receives its messages from RabbitMQ."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.broker import consume, durable_queue, require_broker

pytestmark = pytest.mark.broker

REPOSITORY = Path(__file__).resolve().parents[2]
#: The app package a user installs by name in this test, and its samples in the repository.
DISTRIBUTION = "fedora-bus-schemas-waiverdb"
SAMPLES = REPOSITORY / "waiverdb_messages/src/fedora_bus_schemas_waiverdb/samples/waiverdb.waiver.new.v1"
PUBLISH = """
from fedora_messaging import api
from fedora_bus_schemas_core import samples
for sample in samples.load("waiverdb.waiver.new.v1"):
    api.publish(sample.message())
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def distributions(tmp_path: Path) -> list[Path]:
    """Every sdist and wheel: the ones `scripts/check-dists.sh` built (FBS_DIST_DIR), or new ones."""
    built = Path(os.environ.get("FBS_DIST_DIR") or tmp_path / "dist")
    if not os.environ.get("FBS_DIST_DIR"):
        for project in sorted(REPOSITORY.glob("*_messages/pyproject.toml")):
            run(
                sys.executable,
                "-m",
                "build",
                "--quiet",
                "--outdir",
                built / project.parent.name,
                project.parent,
            )
    return sorted(built.glob("*_messages/*.whl")) + sorted(built.glob("*_messages/*.tar.gz"))


def run(*command: object, **kwargs) -> str:
    done = subprocess.run(
        [str(part) for part in command], capture_output=True, text=True, check=False, **kwargs
    )
    assert done.returncode == 0, f"{command}: {done.stdout}{done.stderr}"
    return done.stdout


@pytest.fixture
def index(tmp_path):
    """A pypiserver on 127.0.0.1 that accepts uploads without authentication."""
    storage = tmp_path / "index"
    storage.mkdir()
    port = free_port()
    server = subprocess.Popen(
        [
            Path(sys.executable).with_name("pypi-server"),
            "run",
            "--interface",
            "127.0.0.1",
            "--port",
            str(port),
            "--authenticate",
            ".",
            "--passwords",
            ".",
            storage,
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_install_by_name_from_a_local_index_and_consume(tmp_path, index):
    require_broker()
    files = distributions(tmp_path)
    assert len(files) >= 2 * 4, files
    run(
        Path(sys.executable).with_name("twine"),
        "upload",
        "--non-interactive",
        "--repository-url",
        f"{index}/",
        "--username",
        "tester",
        "--password",
        "unused",
        *files,
    )
    listing = run(
        sys.executable,
        "-c",
        f"import urllib.request; print(urllib.request.urlopen('{index}/simple/').read().decode())",
    )
    assert DISTRIBUTION in listing

    venv = tmp_path / "user-venv"
    run(sys.executable, "-m", "venv", venv)
    python = venv / "bin" / "python"
    run(python, "-m", "pip", "install", "--quiet", "--extra-index-url", f"{index}/simple/", DISTRIBUTION)
    installed = run(python, "-m", "pip", "list", "--format=freeze")
    assert "fedora-bus-schemas-waiverdb==" in installed and "fedora-bus-schemas-core==" in installed
    assert "fedora-bus-schemas-greenwave" not in installed

    env = {**os.environ, "FEDORA_MESSAGING_CONF": str(REPOSITORY / "tests" / "fedora-messaging.toml")}
    with durable_queue() as queue:
        run(python, "-c", PUBLISH, env=env, cwd=tmp_path)
        received = consume(
            venv / "bin" / "fedora-messaging", queue, len(list(SAMPLES.glob("*.json"))), tmp_path
        )
    assert {record["class"] for record in received} == {"fedora_bus_schemas_waiverdb.messages.WaiverNewV1"}
    assert all(record["summary"] for record in received)
