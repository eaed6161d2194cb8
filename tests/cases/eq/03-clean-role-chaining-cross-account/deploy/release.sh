#!/usr/bin/env bash
set -euo pipefail

jq --arg IMAGE "$IMAGE" '.containerDefinitions[0].image = $IMAGE' \
  deploy/task-definition.json > "$RUNNER_TEMP/task-definition.json"

TD_ARN=$(aws ecs register-task-definition \
  --cli-input-json "file://$RUNNER_TEMP/task-definition.json" \
  --query 'taskDefinition.taskDefinitionArn' --output text)

aws ecs update-service --cluster "$CLUSTER" --service "$SERVICE" \
  --task-definition "$TD_ARN" --query 'service.deployments[0].id' --output text

aws ecs wait services-stable --cluster "$CLUSTER" --services "$SERVICE"
echo "$SERVICE is stable on $TD_ARN"
