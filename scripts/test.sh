#!/usr/bin/env bash
# The whole test suite, as CI runs it: fetches the official JSON-Schema-Test-Suite (PyPI), builds, tests.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/fetch-schema-suite.sh
swift build --build-tests
swift test --skip-build --parallel
