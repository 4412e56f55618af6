#!/usr/bin/env bash
# Set up and run the main job on a fresh machine: install every package of the collection into
# .venv and validate messages against the schemas. Arguments go to `fedora-bus-schemas validate`;
# with none, every bundled sample is validated.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
# shellcheck disable=SC2046  # one argument per package folder
.venv/bin/python -m pip install -q $(dirname */pyproject.toml | sed 's|^|./|')
exec .venv/bin/fedora-bus-schemas validate "$@"
