#!/usr/bin/env bash
# Fails the deploy when the service's SSM parameters are missing.
set -euo pipefail
for name in database-url s3-bucket; do
  aws ssm get-parameter --name "/reports/production/${name}" --query Parameter.Name --output text
done
