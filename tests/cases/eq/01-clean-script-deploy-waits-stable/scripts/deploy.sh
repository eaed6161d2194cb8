#!/usr/bin/env bash
# Build the image, push it to ECR and roll the ECS service to it.
set -euo pipefail

: "${AWS_REGION:?}" "${ECR_REPOSITORY:?}" "${CLUSTER:?}" "${SERVICE:?}" "${IMAGE_TAG:?}"

ACCOUNT_ID=$(aws sts get-caller-identity --query Account --output text)
REGISTRY="${ACCOUNT_ID}.dkr.ecr.${AWS_REGION}.amazonaws.com"
IMAGE="${REGISTRY}/${ECR_REPOSITORY}:${IMAGE_TAG}"

aws ecr get-login-password --region "$AWS_REGION" \
  | docker login --username AWS --password-stdin "$REGISTRY"

docker build -t "$IMAGE" .
docker push "$IMAGE"

jq --arg IMAGE "$IMAGE" \
  '(.containerDefinitions[] | select(.name == "orders-api") | .image) = $IMAGE' \
  ops/task-definition.json > task-definition.rendered.json

TASK_DEF_ARN=$(aws ecs register-task-definition \
  --cli-input-json file://task-definition.rendered.json \
  --query 'taskDefinition.taskDefinitionArn' --output text)
echo "Registered $TASK_DEF_ARN"

aws ecs update-service --cluster "$CLUSTER" --service "$SERVICE" \
  --task-definition "$TASK_DEF_ARN" > /dev/null

echo "Waiting for $SERVICE to become stable..."
aws ecs wait services-stable --cluster "$CLUSTER" --services "$SERVICE"
