#!/usr/bin/env bash
# Roll the harbor-api service onto a new image.
# Usage: scripts/deploy.sh IMAGE
set -euo pipefail

IMAGE="${1:?usage: deploy.sh IMAGE}"
CLUSTER=harbor-prod
SERVICE=harbor-api
FAMILY=harbor-api

echo "Fetching the current task definition of $FAMILY"
aws ecs describe-task-definition --task-definition "$FAMILY" \
  --query taskDefinition > current-task-def.json

jq --arg IMAGE "$IMAGE" '
  .containerDefinitions |= map(if .name == "api" then .image = $IMAGE else . end)
  | del(.taskDefinitionArn, .revision, .status, .requiresAttributes,
        .compatibilities, .registeredAt, .registeredBy)
' current-task-def.json > new-task-def.json

TASK_DEF_ARN=$(aws ecs register-task-definition \
  --cli-input-json file://new-task-def.json \
  --query 'taskDefinition.taskDefinitionArn' --output text)
echo "Registered $TASK_DEF_ARN"

aws ecs update-service --cluster "$CLUSTER" --service "$SERVICE" \
  --task-definition "$TASK_DEF_ARN" > /dev/null

echo "Waiting for $SERVICE to become stable"
aws ecs wait services-stable --cluster "$CLUSTER" --services "$SERVICE"
