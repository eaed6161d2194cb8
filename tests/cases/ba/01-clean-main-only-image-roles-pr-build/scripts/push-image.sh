#!/usr/bin/env bash
# usage: push-image.sh ENVIRONMENT LOCAL_IMAGE
set -euo pipefail
environment="$1"
local_image="$2"
registry="${AWS_ACCOUNT_ID}.dkr.ecr.${AWS_REGION}.amazonaws.com"
remote="${registry}/aws-fullstack-lab-${environment}-web:${IMAGE_TAG}"
aws ecr get-login-password --region "$AWS_REGION" | docker login --username AWS --password-stdin "$registry"
docker tag "$local_image" "$remote"
docker push "$remote"
