#!/usr/bin/env bash
# Usage: ci/release.sh CLUSTER SERVICE
set -euo pipefail

cluster="$1"
service="$2"
image="${REGISTRY:?}/booking-engine:${GITHUB_SHA:?}"

build_and_push() {
  docker build -t "$image" .
  docker push "$image"
}

deploy() {
  aws ecs describe-task-definition --task-definition booking-engine --query taskDefinition \
    | jq --arg img "$image" '.containerDefinitions[0].image = $img
        | del(.taskDefinitionArn, .revision, .status, .requiresAttributes,
              .compatibilities, .registeredAt, .registeredBy)' > taskdef.json
  local revision
  revision=$(aws ecs register-task-definition --cli-input-json file://taskdef.json \
    --query taskDefinition.taskDefinitionArn --output text)
  aws ecs update-service --cluster "$cluster" --service "$service" \
    --task-definition "$revision" >/dev/null
  aws ecs wait services-stable --cluster "$cluster" --services "$service"
}

build_and_push
deploy
