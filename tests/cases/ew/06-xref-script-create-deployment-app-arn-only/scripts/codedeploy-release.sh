#!/usr/bin/env bash
# Registers the rendered task definition and starts a CodeDeploy blue/green
# deployment of orders-api, then waits for it to finish.
set -euo pipefail

TASK_DEF_ARN=$(aws ecs register-task-definition \
  --cli-input-json "file://${TASK_DEF_FILE}" \
  --query 'taskDefinition.taskDefinitionArn' --output text)
echo "registered ${TASK_DEF_ARN}"

APPSPEC=$(sed "s|<TASK_DEFINITION>|${TASK_DEF_ARN}|" ecs/appspec.yaml)
jq -n --arg content "$APPSPEC" \
  '{revisionType: "AppSpecContent", appSpecContent: {content: $content}}' > revision.json

DEPLOYMENT_ID=$(aws deploy create-deployment \
  --application-name orders-api \
  --deployment-group-name orders-api-prod \
  --revision file://revision.json \
  --description "orders-api ${GITHUB_SHA}" \
  --query deploymentId --output text)
echo "deployment ${DEPLOYMENT_ID} started"

aws deploy wait deployment-successful --deployment-id "$DEPLOYMENT_ID"
