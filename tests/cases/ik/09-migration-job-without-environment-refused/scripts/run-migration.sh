#!/usr/bin/env bash
# Runs `rails db:migrate` as a one-off Fargate task and fails if it fails.
set -euo pipefail

task_arn=$(aws ecs run-task \
  --cluster "$CLUSTER" \
  --task-definition "$TASK_FAMILY" \
  --launch-type FARGATE \
  --network-configuration "awsvpcConfiguration={subnets=[$SUBNETS],securityGroups=[$SECURITY_GROUP],assignPublicIp=DISABLED}" \
  --overrides '{"containerOverrides":[{"name":"api","command":["bin/rails","db:migrate"]}]}' \
  --query 'tasks[0].taskArn' --output text)

echo "migration task: $task_arn"
aws ecs wait tasks-stopped --cluster "$CLUSTER" --tasks "$task_arn"

exit_code=$(aws ecs describe-tasks --cluster "$CLUSTER" --tasks "$task_arn" \
  --query 'tasks[0].containers[?name==`api`].exitCode | [0]' --output text)

if [ "$exit_code" != "0" ]; then
  echo "migration failed with exit code $exit_code" >&2
  exit 1
fi
