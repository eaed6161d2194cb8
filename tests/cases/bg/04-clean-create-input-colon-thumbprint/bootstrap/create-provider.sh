#!/usr/bin/env bash
# One-time, per account: register GitHub's OIDC issuer.
set -euo pipefail
aws iam create-open-id-connect-provider \
  --cli-input-json file://"$(dirname "$0")"/github-oidc-provider.json
