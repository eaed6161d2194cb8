#!/usr/bin/env bash
set -euo pipefail

REGISTRY=305918264730.dkr.ecr.eu-west-2.amazonaws.com
IMAGE="$REGISTRY/ingest-api:$IMAGE_TAG"

aws ecr get-login-password --region eu-west-2 | docker login --username AWS --password-stdin "$REGISTRY"
docker build -t "$IMAGE" .
docker push "$IMAGE"

jq --arg IMAGE "$IMAGE" '.containerDefinitions[0].image = $IMAGE' deploy/task-definition.json > rendered.json
TD_ARN=$(aws ecs register-task-definition --cli-input-json file://rendered.json \
  --query 'taskDefinition.taskDefinitionArn' --output text)

aws ecs update-service --cluster "$CLUSTER" --service "$SERVICE" --task-definition "$TD_ARN" > /dev/null
aws ecs wait services-stable --cluster "$CLUSTER" --services "$SERVICE"
