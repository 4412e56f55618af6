#!/usr/bin/env bash
# Set up and run the whole test suite on a fresh machine: a RabbitMQ broker on 127.0.0.1 (from
# Debian packages, started here if none is running), Node.js and npm (Debian packages, for the
# docs environment's AsyncAPI parser check), tox in .venv-tools, and every tox environment (one
# per package, installed alone, plus the whole collection). Arguments go to tox.
set -euo pipefail
cd "$(dirname "$0")/.."
started=""
if ! (exec 3<>/dev/tcp/127.0.0.1/5672) 2>/dev/null; then
    scripts/rabbitmq.sh start
    started=1
fi
trap 'if [ -n "$started" ]; then scripts/rabbitmq.sh stop; fi' EXIT
scripts/node.sh
[ -x .venv-tools/bin/python ] || python3 -m venv .venv-tools
.venv-tools/bin/python -m pip install -q --upgrade pip tox
FBS_REQUIRE_BROKER=1 .venv-tools/bin/tox run "$@"
