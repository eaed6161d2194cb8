#!/usr/bin/env bash
# Snapshots of what is running, reviewed in pull requests (AWS CLI v2, YAML output).
set -euo pipefail
cd "$(dirname "$0")"
aws ecs describe-task-definition --task-definition billing-api --include TAGS \
  --output yaml > billing-api-taskdef.yaml
aws ecs describe-services --cluster billing --services billing-api billing-webhooks \
  --output yaml > billing-services.yaml
