#!/usr/bin/env bash
# Run `rails db:migrate` as a one-off Fargate task from the web task definition
# and block until it has finished.
#
#   usage: scripts/ecs-migrate.sh CLUSTER TASK_DEFINITION_ARN
set -euo pipefail

CLUSTER="$1"
TASK_DEFINITION="$2"

TASK_ARN=$(aws ecs run-task \
  --cluster "$CLUSTER" \
  --task-definition "$TASK_DEFINITION" \
  --launch-type FARGATE \
  --network-configuration "awsvpcConfiguration={subnets=[${MIGRATE_SUBNETS}],securityGroups=[${MIGRATE_SECURITY_GROUP}],assignPublicIp=DISABLED}" \
  --overrides '{"containerOverrides":[{"name":"web","command":["bin/rails","db:migrate"]}]}' \
  --started-by "db-migrate" \
  --query 'tasks[0].taskArn' --output text)

echo "Started migration task ${TASK_ARN}"
aws ecs wait tasks-stopped --cluster "$CLUSTER" --tasks "$TASK_ARN"

# A task that was stopped by ECS (OOM, spot interruption, failed image pull)
# is a failed migration; anything else means the container ran to completion.
STOP_CODE=$(aws ecs describe-tasks --cluster "$CLUSTER" --tasks "$TASK_ARN" \
  --query 'tasks[0].stopCode' --output text)
if [ "$STOP_CODE" != "EssentialContainerExited" ]; then
  echo "Migration task stopped unexpectedly: ${STOP_CODE}" >&2
  exit 1
fi
echo "Migration finished"
