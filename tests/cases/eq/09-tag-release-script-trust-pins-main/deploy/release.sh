#!/usr/bin/env bash
# usage: deploy/release.sh VERSION
set -euo pipefail
VERSION="$1"
REGISTRY=790351846221.dkr.ecr.ap-south-1.amazonaws.com
IMAGE="$REGISTRY/notify-svc:$GITHUB_SHA"

aws ecr get-login-password | docker login --username AWS --password-stdin "$REGISTRY"
docker build --label "org.opencontainers.image.version=$VERSION" -t "$IMAGE" -t "$REGISTRY/notify-svc:$VERSION" .
docker push "$IMAGE"
docker push "$REGISTRY/notify-svc:$VERSION"

jq --arg IMAGE "$IMAGE" '.containerDefinitions[0].image = $IMAGE' deploy/task-definition.json > /tmp/td.json
TD_ARN=$(aws ecs register-task-definition --cli-input-json file:///tmp/td.json \
  --query 'taskDefinition.taskDefinitionArn' --output text)
aws ecs update-service --cluster copperline --service notify-svc --task-definition "$TD_ARN" > /dev/null
aws ecs wait services-stable --cluster copperline --services notify-svc
