#!/usr/bin/env bash
# Deploys $IMAGE (already pushed to the tooling registry) to the production
# account. Usage: scripts/deploy.sh CLUSTER SERVICE
set -euo pipefail

cluster="$1"
service="$2"
: "${IMAGE:?IMAGE must be set}"
deployer_role="arn:aws:iam::902184376650:role/checkout-deployer"

# Still in the tooling account: the image must exist before we switch.
aws ecr describe-images --repository-name checkout \
  --image-ids imageTag="${IMAGE##*:}" >/dev/null

# Switch to the production account for everything below.
creds=$(aws sts assume-role \
  --role-arn "$deployer_role" \
  --role-session-name "checkout-${GITHUB_RUN_ID:-local}" \
  --duration-seconds 3600 \
  --query Credentials --output json)
export AWS_ACCESS_KEY_ID=$(jq -r .AccessKeyId <<<"$creds")
export AWS_SECRET_ACCESS_KEY=$(jq -r .SecretAccessKey <<<"$creds")
export AWS_SESSION_TOKEN=$(jq -r .SessionToken <<<"$creds")

current=$(aws ecs describe-services --cluster "$cluster" --services "$service" \
  --query 'services[0].taskDefinition' --output text)

aws ecs describe-task-definition --task-definition "$current" --query taskDefinition \
  | jq --arg img "$IMAGE" '
      .containerDefinitions[0].image = $img
      | del(.taskDefinitionArn, .revision, .status, .requiresAttributes,
            .compatibilities, .registeredAt, .registeredBy)' > taskdef.json

new_arn=$(aws ecs register-task-definition --cli-input-json file://taskdef.json \
  --query taskDefinition.taskDefinitionArn --output text)

aws ecs update-service --cluster "$cluster" --service "$service" \
  --task-definition "$new_arn" >/dev/null
aws ecs wait services-stable --cluster "$cluster" --services "$service"
echo "deployed $new_arn"
