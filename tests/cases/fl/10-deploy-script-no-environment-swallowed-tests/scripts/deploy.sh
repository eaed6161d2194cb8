#!/usr/bin/env bash
# Build, push and roll out permits-portal. Needs CLUSTER and SERVICE.
set -euo pipefail

REGION="${AWS_REGION:-us-east-2}"
ACCOUNT_ID="$(aws sts get-caller-identity --query Account --output text)"
REGISTRY="$ACCOUNT_ID.dkr.ecr.$REGION.amazonaws.com"
IMAGE="$REGISTRY/permits-portal:${GITHUB_SHA:?}"

aws ecr get-login-password --region "$REGION" | docker login --username AWS --password-stdin "$REGISTRY"
docker build -t "$IMAGE" .
docker push "$IMAGE"

jq --arg image "$IMAGE" '.containerDefinitions[0].image = $image' infra/task-definition.json > /tmp/taskdef.json
TASK_DEF_ARN="$(aws ecs register-task-definition --region "$REGION" \
  --cli-input-json file:///tmp/taskdef.json \
  --query 'taskDefinition.taskDefinitionArn' --output text)"

aws ecs update-service --region "$REGION" --cluster "$CLUSTER" --service "$SERVICE" \
  --task-definition "$TASK_DEF_ARN" > /dev/null
aws ecs wait services-stable --region "$REGION" --cluster "$CLUSTER" --services "$SERVICE"
echo "deployed $IMAGE"
