#!/usr/bin/env bash
# usage: register-revision.sh FAMILY IMAGE -> prints the new task definition ARN
set -euo pipefail
family=$1 image=$2
aws ecs describe-task-definition --task-definition "$family" --query taskDefinition \
  | jq --arg img "$image" '.containerDefinitions |= map(if .name == "orders" then .image = $img else . end)
      | del(.taskDefinitionArn, .revision, .status, .requiresAttributes,
            .compatibilities, .registeredAt, .registeredBy)' > /tmp/td.json
aws ecs register-task-definition --cli-input-json file:///tmp/td.json \
  --query taskDefinition.taskDefinitionArn --output text
