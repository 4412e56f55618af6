#!/usr/bin/env bash
# Build every package as PyPI would receive it and check it works the way a user gets it:
# - python -m build (the sdist, then the wheel built from that sdist), twine check --strict and
#   check-wheel-contents;
# - each wheel installed alone into a fresh virtual environment (with only its declared
#   dependencies, the core's wheel among them) registers its classes, get_class resolves every
#   schema name, and its schema files and samples are there and valid (tools/wheel_smoke.py).
# Usage: scripts/check-dists.sh [OUTDIR]   (needs build, twine and check-wheel-contents)
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(realpath -m "${1:-dist}")"
rm -rf "$out"
mkdir -p "$out/wheels"
for project in */pyproject.toml; do
    package="$(dirname "$project")"
    [ "$package" = "." ] && continue
    python -m build --quiet --outdir "$out/$package" "$package"
    twine check --strict "$out/$package"/*
    # W002 (duplicate files) is expected: topics whose bodies share a shape can ship the same sample.
    check-wheel-contents --ignore W002 "$out/$package"/*.whl
    cp "$out/$package"/*.whl "$out/wheels/"
done
export FEDORA_MESSAGING_CONF="$PWD/tests/fedora-messaging.toml"
for wheel in "$out"/wheels/*.whl; do
    distribution="$(basename "$wheel" | cut -d- -f1 | tr _ -)"
    venv="$out/venv-$distribution"
    python -m venv "$venv"
    "$venv/bin/python" -m pip install --quiet --find-links "$out/wheels" "$wheel"
    "$venv/bin/python" tools/wheel_smoke.py "$distribution"
done
echo "all distributions built, checked, and working when installed alone ($out)"
