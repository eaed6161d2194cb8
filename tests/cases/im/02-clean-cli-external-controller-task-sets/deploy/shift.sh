#!/usr/bin/env bash
# Green task set for quotes-api (EXTERNAL controller, driven by our shipwright tool).
set -euo pipefail
cd "$(dirname "$0")/ecs"
aws ecs create-task-set --cli-input-json file://create-task-set.json
# ... shipwright waits for the green target group to be healthy, then:
aws ecs update-service-primary-task-set --cli-input-json file://update-service-primary-task-set.json
