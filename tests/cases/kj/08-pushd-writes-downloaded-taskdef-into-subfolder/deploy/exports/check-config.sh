#!/usr/bin/env bash
set -euo pipefail
aws ssm get-parameter --name /exports/production/s3-bucket --query Parameter.Name --output text
