"""Audit 'aa': Terraform for_each and count (per-environment and per-repository
GitHub OIDC roles, instances referenced by key or count.index) with the
workflows that assume them. Each test holds a case where ecs-lint was wrong
(see the commit that added it for the evidence)."""
from conftest import lint_folder

CONFIG = "github:\n  repository: acme-freight/payments\n  owners: [acme-freight]\n"

ROLES_TF = """\
locals {
  services = %s
}

data "aws_iam_policy_document" "trust" {
  count = length(local.services)

  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::381492006517:oidc-provider/token.actions.githubusercontent.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }
    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:acme-freight/${local.services[count.index]}:ref:refs/heads/*"]
    }
  }
}

resource "aws_iam_role" "deploy" {
  count = length(local.services)

  name               = "${local.services[count.index]}-deploy"
  assume_role_policy = data.aws_iam_policy_document.trust[count.index].json
}
"""

WORKFLOW = """\
name: rollout
on:
  push:
    branches: [main]
jobs:
  rollout:
    runs-on: ubuntu-latest
    permissions:
      id-token: write
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::381492006517:role/payments-deploy
          aws-region: us-west-2
"""


def _xref(tmp_path, services):
    (tmp_path / ".ecs-lint.yaml").write_text(CONFIG)
    (tmp_path / "iam.tf").write_text(ROLES_TF % services)
    wf = tmp_path / ".github" / "workflows"
    wf.mkdir(parents=True)
    (wf / "rollout.yml").write_text(WORKFLOW)
    return [f for f in lint_folder(tmp_path) if f.rule.startswith("xref-sub-")]


def test_count_from_length_of_a_known_list_is_expanded(tmp_path):
    # `count = length(local.services)` is Terraform's usual count idiom: the
    # list is known, so payments-deploy is instance 0 and links to the job
    found = _xref(tmp_path, '["payments", "refunds"]')
    assert [f.rule for f in found] == ["xref-sub-broader-than-used"]
    assert "refs/heads/main" in found[0].message


def test_count_from_length_of_a_list_with_an_unknown_part_stays_unknown(tmp_path):
    # concat() with a variable that has no default: the length is not known
    (tmp_path / "vars.tf").write_text('variable "extra" {\n  type = list(string)\n}\n')
    assert _xref(tmp_path, 'concat(["payments"], var.extra)') == []
