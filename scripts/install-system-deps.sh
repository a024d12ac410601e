#!/usr/bin/env bash
# Installs the system libraries the build links against when they are missing: libxml2's
# development files (HTML parsing for knowledge ingestion) and pkg-config, from Debian packages.
set -euo pipefail
if pkg-config --exists libxml-2.0 2>/dev/null; then exit 0; fi
echo "==> installing libxml2-dev and pkg-config (Debian packages) for the HTML parser" >&2
if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo -n"; else
  echo "error: libxml2-dev is missing and neither root nor sudo is available: apt-get install libxml2-dev pkg-config" >&2
  exit 1
fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libxml2-dev pkg-config >/dev/null
