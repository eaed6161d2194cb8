#!/usr/bin/env bash
set -euo pipefail
aws iam create-role --cli-input-json file://iam/create-role.json
aws iam put-role-policy --cli-input-json file://iam/put-role-policy.json
