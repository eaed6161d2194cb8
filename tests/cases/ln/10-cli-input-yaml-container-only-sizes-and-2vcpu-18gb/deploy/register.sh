#!/usr/bin/env bash
# Registers every task definition in deploy/ecs (AWS CLI v2, YAML input).
set -euo pipefail
for f in deploy/ecs/*.taskdef.yaml; do
  aws ecs register-task-definition --cli-input-yaml "file://$f" \
    --query 'taskDefinition.taskDefinitionArn' --output text
done
