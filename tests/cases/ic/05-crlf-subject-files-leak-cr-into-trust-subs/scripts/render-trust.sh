#!/usr/bin/env bash
# Writes iam/<env>-trust.json from iam/subjects/<env>.txt (one sub per line).
set -euo pipefail
provider="arn:aws:iam::284619305571:oidc-provider/token.actions.githubusercontent.com"
for env in staging production; do
  subs=()
  while IFS= read -r sub; do
    [ -n "$sub" ] && subs+=("$sub")
  done < "iam/subjects/$env.txt"
  printf '%s\n' "${subs[@]}" | jq -R . | jq -s \
    --arg provider "$provider" --arg sid "GitHubLedgerApi${env^}" '{
      Version: "2012-10-17",
      Statement: [{
        Sid: $sid,
        Effect: "Allow",
        Principal: {Federated: $provider},
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: {
          StringEquals: {
            "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
            "token.actions.githubusercontent.com:sub": .
          }
        }
      }]
    }' > "iam/$env-trust.json"
done
