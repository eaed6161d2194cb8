#!/usr/bin/env bash
# Usage: scripts/deploy.sh IMAGE
# Registers a new revision of the ledger task definition with IMAGE and rolls the service.
set -euo pipefail

IMAGE="$1"
CLUSTER="${CLUSTER:-ledger-prod}"
SERVICE="${SERVICE:-ledger}"

workdir="$(mktemp -d)"
trap 'rm -rf "$workdir"' EXIT

jq --arg IMAGE "$IMAGE" \
  '(.containerDefinitions[] | select(.name == "ledger") | .image) = $IMAGE' \
  deploy/task-definition.json > "$workdir/taskdef.json"

taskdef_arn="$(aws ecs register-task-definition \
  --cli-input-json "file://$workdir/taskdef.json" \
  --query 'taskDefinition.taskDefinitionArn' --output text)"
echo "registered ${taskdef_arn}"

aws ecs update-service \
  --cluster "$CLUSTER" \
  --service "$SERVICE" \
  --task-definition "$taskdef_arn" > /dev/null

echo "waiting for ${SERVICE} to become stable"
aws ecs wait services-stable --cluster "$CLUSTER" --services "$SERVICE"
