#!/usr/bin/env bash
# One-time account bootstrap for GitHub Actions OIDC.
# The provider URL was taken from ACTIONS_ID_TOKEN_REQUEST_URL printed by a debug job.
set -euo pipefail
cd "$(dirname "$0")"
aws iam create-open-id-connect-provider --cli-input-json file://github-oidc-provider.json
aws iam create-role --role-name dispatch-api-deploy \
  --assume-role-policy-document file://roles/dispatch-api-deploy/trust-policy.json
