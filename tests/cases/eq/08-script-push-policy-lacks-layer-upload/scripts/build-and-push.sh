#!/usr/bin/env bash
# usage: build-and-push.sh ECR_REPOSITORY_URI TAG
set -euo pipefail
REPO_URI="$1"
TAG="$2"
REGISTRY="${REPO_URI%%/*}"

aws ecr get-login-password | docker login --username AWS --password-stdin "$REGISTRY"
docker build --pull -t "$REPO_URI:$TAG" .
docker push "$REPO_URI:$TAG"

echo "image=$REPO_URI:$TAG" >> "$GITHUB_OUTPUT"
