#!/usr/bin/env bash
# Usage: scripts/render-taskdefs.sh IMAGE
# Writes build/ecs/<service>.json with IMAGE in every essential container.
set -euo pipefail
image="$1"
mkdir -p build/ecs
for svc in api worker; do
  jq --arg image "$image" \
    '(.containerDefinitions[] | select(.essential) | .image) |= $image' \
    "deploy/ecs/$svc.json" > "build/ecs/$svc.json"
done
