#!/usr/bin/env bash
# The whole test suite, as CI runs it: fetches the official JSON-Schema-Test-Suite (PyPI), builds,
# then tests with a throwaway PostgreSQL server (scripts/with-postgres.sh) so the store suite runs
# on both SQLite and PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/fetch-schema-suite.sh
swift build --build-tests
scripts/with-postgres.sh swift test --skip-build --parallel
