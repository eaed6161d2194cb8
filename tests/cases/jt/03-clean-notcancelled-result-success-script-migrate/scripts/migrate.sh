#!/usr/bin/env bash
# Runs goose migrations as a one-off Fargate task and fails if the container fails.
set -euo pipefail

: "${CLUSTER:?}" "${MIGRATE_TASK_DEF:?}" "${SUBNETS:?}" "${SECURITY_GROUP:?}"

task_arn=$(aws ecs run-task \
  --cluster "$CLUSTER" \
  --task-definition "$MIGRATE_TASK_DEF" \
  --launch-type FARGATE \
  --count 1 \
  --network-configuration "awsvpcConfiguration={subnets=[$SUBNETS],securityGroups=[$SECURITY_GROUP],assignPublicIp=DISABLED}" \
  --query 'tasks[0].taskArn' --output text)

echo "Waiting for migration task ${task_arn##*/}"
aws ecs wait tasks-stopped --cluster "$CLUSTER" --tasks "$task_arn"

exit_code=$(aws ecs describe-tasks --cluster "$CLUSTER" --tasks "$task_arn" \
  --query 'tasks[0].containers[?name==`migrate`].exitCode | [0]' --output text)

if [ "$exit_code" != "0" ]; then
  echo "::error::migration task exited with code $exit_code"
  exit 1
fi
echo "migrations applied"
