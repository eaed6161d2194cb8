#!/usr/bin/env bash
# Assume the prod deployer role in the workload account, then roll out region by region.
set -euo pipefail

IMAGE="$1"
REGIONS="us-east-1 eu-west-1"

creds=$(aws sts assume-role \
  --role-arn "$DEPLOY_ROLE_ARN" \
  --role-session-name "inventory-${GITHUB_RUN_ID}" \
  --duration-seconds 3600 \
  --output json)
export AWS_ACCESS_KEY_ID=$(echo "$creds" | jq -r .Credentials.AccessKeyId)
export AWS_SECRET_ACCESS_KEY=$(echo "$creds" | jq -r .Credentials.SecretAccessKey)
export AWS_SESSION_TOKEN=$(echo "$creds" | jq -r .Credentials.SessionToken)

jq --arg img "$IMAGE" '.containerDefinitions[0].image = $img' ops/ecs/inventory-api.json > /tmp/taskdef.json

for region in $REGIONS; do
  echo "::group::$region"
  arn=$(aws ecs register-task-definition --region "$region" \
    --cli-input-json file:///tmp/taskdef.json \
    --query taskDefinition.taskDefinitionArn --output text)
  aws ecs update-service --region "$region" --cluster inventory --service inventory-api \
    --task-definition "$arn"
  aws ecs wait services-stable --region "$region" --cluster inventory --services inventory-api
  echo "::endgroup::"
done
