#!/usr/bin/env bash
# Called by the release pipeline with DB_PASSWORD and RABBITMQ_PASSWORD exported
# from the CI secret store; fills in the template and registers a new revision.
set -euo pipefail

envsubst < deploy/taskdef.template.json > /tmp/billing-api.taskdef.json
aws ecs register-task-definition \
  --cli-input-json file:///tmp/billing-api.taskdef.json \
  --query 'taskDefinition.taskDefinitionArn' --output text
