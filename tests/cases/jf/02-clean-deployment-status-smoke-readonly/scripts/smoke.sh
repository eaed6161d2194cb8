#!/usr/bin/env bash
set -euo pipefail
base_url="$1"
expected_sha="$2"
curl -fsS "$base_url/healthz"
deployed=$(curl -fsS "$base_url/version" | jq -r .commit)
test "$deployed" = "$expected_sha"
