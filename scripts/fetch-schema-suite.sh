#!/usr/bin/env bash
# Fetches the official JSON-Schema-Test-Suite into vendor/JSON-Schema-Test-Suite.
#
# The suite is shipped (under json/) inside the source distribution of the
# Python `jsonschema` package on PyPI, which is reachable from every machine
# this project runs on. The version is pinned so test results are reproducible.
# Idempotent: does nothing when the suite is already present.
set -euo pipefail

JSONSCHEMA_VERSION="4.26.0"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST="$ROOT/vendor/JSON-Schema-Test-Suite"

if [ -d "$DEST/tests" ]; then
    echo "JSON-Schema-Test-Suite already present at $DEST"
    exit 0
fi

PYTHON="$(command -v python3 || command -v python || true)"
if [ -z "$PYTHON" ]; then
    echo "error: python3 (with pip) is required to fetch the JSON-Schema-Test-Suite" >&2
    exit 1
fi

TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

"$PYTHON" -m pip download --quiet --no-deps --no-binary :all: \
    "jsonschema==$JSONSCHEMA_VERSION" -d "$TMP"

TARBALL="$(find "$TMP" -maxdepth 1 -name 'jsonschema-*.tar.gz' | head -n 1)"
if [ -z "$TARBALL" ]; then
    echo "error: no jsonschema source tarball was downloaded" >&2
    exit 1
fi

tar -xzf "$TARBALL" -C "$TMP"
SRC="$TMP/jsonschema-$JSONSCHEMA_VERSION/json"
if [ ! -d "$SRC/tests" ] || [ ! -d "$SRC/remotes" ]; then
    echo "error: $TARBALL has no json/tests and json/remotes folders" >&2
    exit 1
fi

mkdir -p "$ROOT/vendor"
rm -rf "$DEST.partial"
cp -R "$SRC" "$DEST.partial"
mv "$DEST.partial" "$DEST"
echo "JSON-Schema-Test-Suite (from jsonschema $JSONSCHEMA_VERSION) installed at $DEST"
