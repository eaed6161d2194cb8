#!/usr/bin/env bash
# One-time setup of the checkout services and their CodeDeploy group.
set -euo pipefail
aws ecs create-service --cli-input-json file://aws/ecs/checkout-web.create-service.json
aws ecs create-service --cli-input-json file://aws/ecs/checkout-events.create-service.json
aws deploy create-application --application-name checkout-web --compute-platform ECS
aws deploy create-deployment-group --cli-input-yaml file://aws/codedeploy/checkout-web.group.yaml
