#!/usr/bin/env bash
# One-off account bootstrap: the GitHub Actions OIDC provider and the deploy role.
set -euo pipefail
aws iam create-open-id-connect-provider --cli-input-json file://bootstrap/github-oidc-provider.json
aws iam create-role --role-name orbit-web-deploy \
  --assume-role-policy-document file://bootstrap/orbit-web-deploy-trust.json
