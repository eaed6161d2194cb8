#!/usr/bin/env bash
# Promote an image that CI already pushed to an environment tag, then roll the
# service (its task definition runs fares-api:<environment>).
# Usage: scripts/promote.sh GIT_SHA ENVIRONMENT
set -euo pipefail

sha="${1:?git sha}"
env_name="${2:?environment}"
registry=562840193774.dkr.ecr.ca-central-1.amazonaws.com
repo="$registry/fares-api"

aws ecr get-login-password --region ca-central-1 \
  | docker login --username AWS --password-stdin "$registry"

docker pull "$repo:$sha"
docker tag "$repo:$sha" "$repo:$env_name"
docker push "$repo:$env_name"

aws ecs update-service --cluster fares-prod --service fares-api --force-new-deployment > /dev/null
aws ecs wait services-stable --cluster fares-prod --services fares-api
echo "fares-api is running $sha as $env_name"
