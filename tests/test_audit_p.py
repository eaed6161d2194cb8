"""Audit 'p': local composite actions, local reusable workflows and Terraform
`for` expressions (set p of the blind cases). Each test holds a case where
ecs-lint was wrong (see the commit that added it for the evidence).
"""

from conftest import lint_folder

WORKFLOW = """\
name: deploy
on:
  push:
    branches: [main]
permissions:
  contents: read
  id-token: write
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - run: npm test
  production:
    needs: test
    runs-on: ubuntu-latest
    environment: production
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::590318274466:role/billing-gha-deploy
          aws-region: us-east-1
"""

TRUST = """\
variable "subjects" {
  type = list(string)
}

variable "environments" {
  type    = list(string)
  default = ["production", "sandbox"]
}

data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::590318274466:oidc-provider/token.actions.githubusercontent.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values   = %s
    }
  }
}

resource "aws_iam_role" "deploy" {
  name               = "billing-gha-deploy"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}
"""


def _repo(tmp_path, values):
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "deploy.yml").write_text(WORKFLOW)
    (tmp_path / ".ecs-lint.yaml").write_text(
        "github:\n  repository: harbor-lane/billing\n  owners: [harbor-lane]\n")
    (tmp_path / "trust.tf").write_text(TRUST % values)
    return [f for f in lint_folder(tmp_path) if f.severity in ("warning", "error")]


# --- a sub condition whose whole value is unknown is no proof of a 401 ---------

def test_tf_for_with_if_sub_values_are_not_a_refusal(tmp_path):
    # `[for e in ... : "..." if e != "sandbox"]` is not evaluated (unknown): the
    # statement may well admit the job's sub (here it does), so a 401 error was
    # a false alarm; an unknown whole value was read as a run without `:`
    found = _repo(tmp_path, '[for e in var.environments : '
                            '"repo:harbor-lane/billing:environment:${e}" if e != "sandbox"]')
    assert [f for f in found if f.rule == "xref-sub-not-admitted"] == []


def test_tf_variable_without_default_as_sub_values_is_not_a_refusal(tmp_path):
    found = _repo(tmp_path, "var.subjects")
    assert [f for f in found if f.rule == "xref-sub-not-admitted"] == []


def test_a_hole_inside_known_text_still_refuses(tmp_path):
    # the hole is one value between the literal parts: a job on another
    # environment is still refused whatever the owner is
    found = _repo(tmp_path, '["repo:${var.owner}/billing:environment:staging"]')
    assert [f.rule for f in found if f.rule == "xref-sub-not-admitted"] == [
        "xref-sub-not-admitted"]


def test_known_for_without_if_still_refuses(tmp_path):
    found = _repo(tmp_path, '[for e in ["staging"] : '
                            '"repo:harbor-lane/billing:environment:${e}"]')
    assert [f.rule for f in found if f.rule == "xref-sub-not-admitted"] == [
        "xref-sub-not-admitted"]
