#!/usr/bin/env bash
# Register new revisions of the web and worker task definitions with IMAGE and
# roll both services. Usage: scripts/deploy.sh IMAGE
set -euo pipefail

IMAGE="${1:?usage: deploy.sh IMAGE}"
CLUSTER=shipments-prod

jq --arg IMAGE "$IMAGE" '.containerDefinitions[0].image = $IMAGE' ecs/web.json > web-task-def.json
jq --arg IMAGE "$IMAGE" '.containerDefinitions[0].image = $IMAGE' ecs/worker.json > worker-task-def.json

WEB_TD=$(aws ecs register-task-definition --cli-input-json file://web-task-def.json \
  --query 'taskDefinition.taskDefinitionArn' --output text)
WORKER_TD=$(aws ecs register-task-definition --cli-input-json file://worker-task-def.json \
  --query 'taskDefinition.taskDefinitionArn' --output text)

aws ecs update-service --cluster "$CLUSTER" --service shipments-web --task-definition "$WEB_TD" > /dev/null
aws ecs update-service --cluster "$CLUSTER" --service shipments-worker --task-definition "$WORKER_TD" > /dev/null

aws ecs wait services-stable --cluster "$CLUSTER" --services shipments-web shipments-worker
