#!/usr/bin/env bash
# One-off: create the notes-api service. Day-to-day deploys go through
# .github/workflows/deploy.yml (amazon-ecs-deploy-task-definition).
set -euo pipefail
aws ecs register-task-definition --cli-input-json file://.aws/task-definition.json
aws ecs create-service --cli-input-json file://.aws/service-definition.json
