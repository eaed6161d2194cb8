#!/usr/bin/env bash
# One-off `rails db:migrate` on Fargate, run before the web service is rolled.
# Usage: scripts/migrate.sh TASK_DEFINITION_ARN
set -euo pipefail

TASK_DEF_ARN="${1:?usage: migrate.sh TASK_DEFINITION_ARN}"
CLUSTER=rostering-prod

TASK_ARN=$(aws ecs run-task \
  --cluster "$CLUSTER" \
  --task-definition "$TASK_DEF_ARN" \
  --launch-type FARGATE \
  --network-configuration 'awsvpcConfiguration={subnets=[subnet-0a3c5e7f9b1d2e4f6,subnet-0c5e7a9b1d3f5a7c8],securityGroups=[sg-0b4d6f8a0c2e4a6b8],assignPublicIp=DISABLED}' \
  --overrides '{"containerOverrides":[{"name":"rails","command":["bin/rails","db:migrate"]}]}' \
  --started-by "github-actions/${GITHUB_RUN_ID:-local}" \
  --query 'tasks[0].taskArn' --output text)
echo "Started migration task $TASK_ARN"

aws ecs wait tasks-stopped --cluster "$CLUSTER" --tasks "$TASK_ARN"

aws ecs describe-tasks --cluster "$CLUSTER" --tasks "$TASK_ARN" \
  --query 'tasks[0].{status:lastStatus,stopped:stoppedReason,container:containers[0].reason}' \
  --output table
echo "Migration task finished"
