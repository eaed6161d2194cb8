#!/usr/bin/env bash
# The commands of the composite GitHub Action (action.yml), kept in one script so
# they can be tested locally. Inputs come as environment variables:
#   ECS_LINT_PATHS (default .; separated by spaces or newlines), ECS_LINT_FORMAT (sarif|json|text|github, default sarif),
#   ECS_LINT_OUTPUT (report file, default ecs-lint.sarif), ECS_LINT_FAIL_ON (default warning),
#   ECS_LINT_CONFIG (optional), ECS_LINT_VERSION (optional: install that release from PyPI),
#   ECS_LINT_SOURCE (optional: a local path to install from, e.g. the action's own checkout),
#   ECS_LINT_ANNOTATIONS (true|false, default true), ECS_LINT_SKIP_INSTALL (true to skip pip).
set -uo pipefail

paths=${ECS_LINT_PATHS:-.}
format=${ECS_LINT_FORMAT:-sarif}
output=${ECS_LINT_OUTPUT:-ecs-lint.sarif}
fail_on=${ECS_LINT_FAIL_ON:-warning}

if [ "${ECS_LINT_SKIP_INSTALL:-false}" != "true" ]; then
  if [ -n "${ECS_LINT_VERSION:-}" ]; then
    python3 -m pip install --quiet "ecs-lint==${ECS_LINT_VERSION}" || exit 2
  else
    python3 -m pip install --quiet "${ECS_LINT_SOURCE:-.}" || exit 2
  fi
fi

args=()
if [ -n "${ECS_LINT_CONFIG:-}" ]; then args+=(--config "$ECS_LINT_CONFIG"); fi
# paths are separated by spaces or newlines (`paths: |` with one a line)
read -r -d '' -a path_list <<< "$paths" || true

# annotations on the pull request (never fail this run: the gate below decides)
if [ "${ECS_LINT_ANNOTATIONS:-true}" = "true" ]; then
  ecs-lint "${path_list[@]}" "${args[@]}" --format github --fail-on never || true
fi

# the report (for upload-sarif) and the gate
ecs-lint "${path_list[@]}" "${args[@]}" --format "$format" --output "$output" --fail-on "$fail_on"
status=$?
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  echo "report=$output" >> "$GITHUB_OUTPUT"
  echo "exit-code=$status" >> "$GITHUB_OUTPUT"
fi
exit $status
