#!/usr/bin/env bash
# Deploy tiles-api into the production account.
# The job's credentials belong to the tooling CI role; the prod calls go through
# a CLI profile that assumes the deployer role with those credentials.
set -euo pipefail

: "${IMAGE:?IMAGE must be set}"
: "${PROD_DEPLOYER_ARN:?PROD_DEPLOYER_ARN must be set}"

aws configure set profile.prod.role_arn "$PROD_DEPLOYER_ARN"
aws configure set profile.prod.credential_source Environment
aws configure set profile.prod.role_session_name "tiles-api-${GITHUB_RUN_ID}"
aws configure set profile.prod.region "${AWS_REGION}"

jq --arg image "$IMAGE" '.containerDefinitions[0].image = $image' \
  deploy/task-definition.json > /tmp/task-definition.json

TASK_DEF_ARN=$(aws ecs register-task-definition --profile prod \
  --cli-input-json file:///tmp/task-definition.json \
  --query 'taskDefinition.taskDefinitionArn' --output text)

aws ecs update-service --profile prod \
  --cluster tiles --service tiles-api \
  --task-definition "$TASK_DEF_ARN" >/dev/null

aws ecs wait services-stable --profile prod --cluster tiles --services tiles-api
echo "deployed $TASK_DEF_ARN"
