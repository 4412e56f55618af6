#!/usr/bin/env bash
# Build every package (sdist, then the wheel from that sdist) and check what PyPI would receive.
# Usage: scripts/check-dists.sh [OUTDIR]   (needs build, twine and check-wheel-contents)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-dist}"
rm -rf "$out"
for project in */pyproject.toml; do
    package="$(dirname "$project")"
    [ "$package" = "." ] && continue
    python -m build --quiet --outdir "$out/$package" "$package"
    twine check --strict "$out/$package"/*
    check-wheel-contents "$out/$package"/*.whl
done
echo "all distributions built and checked in $out/"
