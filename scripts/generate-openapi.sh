#!/usr/bin/env bash
# Generates the Swift of the spec-first operations (scripts/openapi-generator/openapi-generator-config.yaml)
# from the API's contract, Sources/AviaryHTTP/OpenAPI/openapi.yaml, into Sources/AviaryHTTP/Generated/.
# The output is committed, so a normal build of Aviary does not build the generator.
#
#   scripts/generate-openapi.sh           regenerate after editing openapi.yaml or the config
#   scripts/generate-openapi.sh --check   exit 1 when the committed output is stale (CI runs this)
set -euo pipefail
cd "$(dirname "$0")/.."
check=0
[ "${1:-}" = "--check" ] && check=1
scratch=.build-openapi-generator
echo "==> building swift-openapi-generator (scripts/openapi-generator)" >&2
swift build --package-path scripts/openapi-generator --scratch-path "$scratch" --product swift-openapi-generator >&2
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$scratch/debug/swift-openapi-generator" generate Sources/AviaryHTTP/OpenAPI/openapi.yaml \
  --config scripts/openapi-generator/openapi-generator-config.yaml --output-directory "$out" >&2
target=Sources/AviaryHTTP/Generated
if [ "$check" = 1 ]; then
  if ! diff -ru "$target" "$out"; then
    echo "error: $target is stale: run scripts/generate-openapi.sh and commit the result" >&2
    exit 1
  fi
  echo "==> $target is up to date" >&2
else
  rm -f "$target"/*.swift
  cp "$out"/*.swift "$target"/
  echo "==> wrote $(ls "$target" | tr '\n' ' ')" >&2
fi
