#!/usr/bin/env bash
# Usage: scripts/deploy.sh CLUSTER SERVICE   (IMAGE in the environment)
set -euo pipefail

cluster="$1"
service="$2"
tag="${IMAGE##*:}"

docker build -t "$IMAGE" .
docker push "$IMAGE"

# Fail early if the scan found something critical in the pushed image.
aws ecr wait image-scan-complete --repository-name notifications --image-id imageTag="$tag"
critical=$(aws ecr describe-image-scan-findings --repository-name notifications \
  --image-id imageTag="$tag" \
  --query 'imageScanFindings.findingSeverityCounts.CRITICAL' --output text)
if [ "$critical" != "None" ] && [ "$critical" != "0" ]; then
  echo "image has $critical critical findings" >&2
  exit 1
fi

# Production account: a profile that chains from the job's credentials.
aws configure set profile.prod.role_arn arn:aws:iam::357291846023:role/notifications-deployer
aws configure set profile.prod.credential_source Environment
aws configure set profile.prod.region us-east-1

family=$(aws ecs describe-services --profile prod --cluster "$cluster" --services "$service" \
  --query 'services[0].taskDefinition' --output text)
aws ecs describe-task-definition --profile prod --task-definition "$family" --query taskDefinition \
  | jq --arg img "$IMAGE" '.containerDefinitions[0].image = $img
      | del(.taskDefinitionArn, .revision, .status, .requiresAttributes,
            .compatibilities, .registeredAt, .registeredBy)' > taskdef.json
revision=$(aws ecs register-task-definition --profile prod --cli-input-json file://taskdef.json \
  --query taskDefinition.taskDefinitionArn --output text)
aws ecs update-service --profile prod --cluster "$cluster" --service "$service" \
  --task-definition "$revision" >/dev/null
aws ecs wait services-stable --profile prod --cluster "$cluster" --services "$service"
