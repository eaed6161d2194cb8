#!/usr/bin/env bash
# Run the migration task definition once and fail unless its container exits 0.
set -euo pipefail

cluster="$1"
family="$2"

task_arn=$(aws ecs run-task \
  --cluster "$cluster" \
  --task-definition "$family" \
  --launch-type FARGATE \
  --network-configuration "awsvpcConfiguration={subnets=[subnet-0d3c2b1a09f8e7d6c],securityGroups=[sg-0f9e8d7c6b5a4f3e2],assignPublicIp=DISABLED}" \
  --query 'tasks[0].taskArn' --output text)

echo "started $task_arn"
aws ecs wait tasks-stopped --cluster "$cluster" --tasks "$task_arn"

exit_code=$(aws ecs describe-tasks --cluster "$cluster" --tasks "$task_arn" \
  --query 'tasks[0].containers[0].exitCode' --output text)

if [ "$exit_code" != "0" ]; then
  echo "::error::migration exited with $exit_code"
  exit 1
fi
