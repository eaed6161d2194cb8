#!/usr/bin/env bash
# Usage: ci/release.sh CLUSTER SERVICE...
# Registers a new revision of each service's task definition with $IMAGE
# and waits for the service to settle.
set -euo pipefail

cluster="$1"; shift
image="${IMAGE:?IMAGE must be set}"

register_revision() {
  local family="$1"
  aws ecs describe-task-definition --task-definition "$family" \
    --query taskDefinition --output json \
    | jq --arg img "$image" '
        .containerDefinitions |= map(if .name == "rota" then .image = $img else . end)
        | del(.taskDefinitionArn, .revision, .status, .requiresAttributes,
              .compatibilities, .registeredAt, .registeredBy)' > "/tmp/$family.json"
  aws ecs register-task-definition --cli-input-json "file:///tmp/$family.json" \
    --query taskDefinition.taskDefinitionArn --output text
}

roll_service() {
  local service="$1" revision="$2"
  aws ecs update-service --cluster "$cluster" --service "$service" \
    --task-definition "$revision" >/dev/null
  aws ecs wait services-stable --cluster "$cluster" --services "$service"
}

for service in "$@"; do
  case "$service" in
    rota-web|rota-worker)
      revision=$(register_revision "$service")
      roll_service "$service" "$revision"
      ;;
    *)
      echo "release.sh: unknown service '$service'" >&2
      exit 1
      ;;
  esac
done

# Record the release in the shared ops account's parameter store. The
# profile chains from the job's credentials into that account's role.
aws configure set profile.ops.role_arn arn:aws:iam::260413578890:role/release-recorder
aws configure set profile.ops.credential_source Environment
aws configure set profile.ops.region eu-central-1
export AWS_PROFILE=ops
aws ssm put-parameter --name /releases/rota/production \
  --value "${GITHUB_SHA}" --type String --overwrite
