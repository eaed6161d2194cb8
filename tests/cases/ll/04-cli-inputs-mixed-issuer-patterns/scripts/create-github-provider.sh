#!/usr/bin/env bash
# Usage: scripts/create-github-provider.sh <client> <aws-profile>
# Creates the GitHub Actions OIDC identity provider in a client account from
# the client's CLI input file.
set -euo pipefail
client="$1"
profile="$2"
input="clients/${client}/github-oidc-provider"
if [[ -f "${input}.yaml" ]]; then
  aws iam create-open-id-connect-provider --profile "$profile" --cli-input-yaml "file://${input}.yaml"
else
  aws iam create-open-id-connect-provider --profile "$profile" --cli-input-json "file://${input}.json"
fi
