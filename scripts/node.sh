#!/usr/bin/env bash
# Install Node.js and npm from Debian packages, if missing: the docs tox environment checks the
# AsyncAPI document with the official parser (@asyncapi/parser, which it installs with npm).
set -euo pipefail

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
    echo "Node.js $(node --version) and npm $(npm --version) are installed"
    exit 0
fi
echo "Installing nodejs and npm from Debian packages..."
as_root apt-get update -q
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends nodejs npm
