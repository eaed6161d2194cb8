"""A role-to-assume whose value a script works out at run time (a job output
written as `role=$(jq ...)`, a `$ROLE` of the script) is not a role ecs-lint
knows: it links to nothing, so xref-sub-broader-than-used is not checked (any
role may be that one), as with an expression it cannot resolve."""
import pytest

from conftest import lint_files, oidc_trust
from ecs_lint.xref import linking as L

TRUST = oidc_trust("")
TRUST["Statement"][0]["Condition"] = {
    "StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"},
    "StringLike": {"token.actions.githubusercontent.com:sub": "repo:acme/app:ref:refs/heads/*"}}

WORKFLOW = """\
on:
  push:
    branches: ['**']
permissions:
  id-token: write
  contents: read
jobs:
  resolve:
    runs-on: ubuntu-latest
    outputs:
      role: ${{ steps.pick.outputs.role }}
    steps:
      - id: pick
        run: echo "role=%s" >> "$GITHUB_OUTPUT"
  build:
    needs: resolve
    runs-on: ubuntu-latest
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: ${{ needs.resolve.outputs.role }}
          aws-region: eu-west-1
  push:
    if: github.ref == 'refs/heads/main'
    runs-on: ubuntu-latest
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::123456789012:role/ecr-push
          aws-region: eu-west-1
"""
CONFIG = """\
github:
  repository: acme/app
roles:
  "arn:aws:iam::123456789012:role/ecr-push":
    trust: iam/ecr-push-trust.json
"""


def broader(tmp_path, picked):
    files = {".github/workflows/ci.yml": WORKFLOW % picked, "iam/ecr-push-trust.json": TRUST}
    return [f for f in lint_files(tmp_path, files, config=CONFIG)
            if f.rule == "xref-sub-broader-than-used"]


@pytest.mark.parametrize("picked", [
    "$(jq -r '.[\\\"$GITHUB_REF_NAME\\\"]' ci/roles.json)",
    "`cat ci/role.txt`",
    "$ROLE_ARN",
])
def test_a_role_the_script_works_out_keeps_broader_than_used_silent(tmp_path, picked):
    assert broader(tmp_path, picked) == []


def test_a_literal_output_is_still_linked(tmp_path):
    got = broader(tmp_path, "arn:aws:iam::123456789012:role/other")
    assert len(got) == 1  # only main uses ecr-push; refs/heads/* is broader


@pytest.mark.parametrize("value, expected", [
    ("$(jq -r .role roles.json)", None),
    ("arn:aws:iam::$ACCOUNT:role/deploy", "deploy"),  # the name is known
    ("arn:aws:iam::123456789012:role/deploy", "arn:aws:iam::123456789012:role/deploy"),
])
def test_what_a_role_value_resolves_to(value, expected):
    assert L.resolve_role_value(value, value, {})[0] == expected
