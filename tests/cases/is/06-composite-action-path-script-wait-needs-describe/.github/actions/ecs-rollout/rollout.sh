#!/usr/bin/env bash
set -euo pipefail

cluster="$1"
service="$2"
task_definition="$3"

echo "Rolling out $task_definition to $cluster/$service"
aws ecs update-service \
  --cluster "$cluster" \
  --service "$service" \
  --task-definition "$task_definition" \
  --query 'service.deployments[0].id' --output text

if ! aws ecs wait services-stable --cluster "$cluster" --services "$service"; then
  echo "::error::$service did not reach a steady state"
  exit 1
fi
echo "$service is stable"
