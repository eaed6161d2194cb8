#!/usr/bin/env bash
# One-time setup of the GHE.com (data residency) Actions issuer in the
# production account, then the shared deploy role.
set -euo pipefail

aws iam create-open-id-connect-provider \
  --cli-input-json file://aws/oidc/ghecom-actions-provider.json

aws iam create-role \
  --role-name vireo-pipeline-deploy \
  --assume-role-policy-document file://aws/iam/pipeline-deploy-trust.json

aws iam put-role-policy \
  --role-name vireo-pipeline-deploy \
  --policy-name deploy \
  --policy-document file://aws/iam/pipeline-deploy-policy.json
