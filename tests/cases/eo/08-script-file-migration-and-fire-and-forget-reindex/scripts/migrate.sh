#!/usr/bin/env bash
# Usage: scripts/migrate.sh TASK_DEFINITION_ARN
# Runs `bin/rails db:migrate` as a one-off Fargate task and fails unless it exits 0.
set -euo pipefail

cluster="${ECS_CLUSTER:?}"
task_def="$1"

task_arn=$(aws ecs run-task \
  --cluster "$cluster" \
  --task-definition "$task_def" \
  --launch-type FARGATE \
  --network-configuration 'awsvpcConfiguration={subnets=[subnet-0e1f2a3b4c5d6e7f8],securityGroups=[sg-0f1a2b3c4d5e6f7a8],assignPublicIp=DISABLED}' \
  --overrides '{"containerOverrides":[{"name":"web","command":["bin/rails","db:migrate"]}]}' \
  --query 'tasks[0].taskArn' --output text)
echo "migration task: $task_arn"

aws ecs wait tasks-stopped --cluster "$cluster" --tasks "$task_arn"
code=$(aws ecs describe-tasks --cluster "$cluster" --tasks "$task_arn" \
  --query 'tasks[0].containers[0].exitCode' --output text)
if [ "$code" != "0" ]; then
  echo "db:migrate failed with exit code $code" >&2
  exit 1
fi
