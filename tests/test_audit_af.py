"""Audit 'af': GitHub OIDC trust policies and providers in CloudFormation and
Terraform as teams write them (tests/cases/af). Each test holds a minimal
repository on which ecs-lint was wrong; see the commit that added it for the
evidence."""
from conftest import lint_folder

TRUST_TF = """\
variable "github_repository" {
  type    = string
  default = "lumen-freight/tracker"
}

variable "repositories" {
  type    = list(string)
  default = ["lumen-freight/tracker", "lumen-freight/tracker-ui"]
}

variable "environment" {
  type    = string
  default = "staging"
}

data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::381492650017:oidc-provider/token.actions.githubusercontent.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }
    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values   = %s
    }
  }
}

resource "aws_iam_role" "deploy" {
  name               = "tracker-deploy"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}
"""

CONFIG = "github:\n  repository: lumen-freight/tracker\n  owners: [lumen-freight]\n"

WORKFLOW = """\
name: image
on:
  push:
    branches: [main]
permissions:
  contents: read
jobs:
  image:
    runs-on: ubuntu-latest
    permissions:
      contents: read
      id-token: write
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::381492650017:role/tracker-deploy
          aws-region: eu-central-1
      - run: aws sts get-caller-identity
"""


def _trust(tmp_path, values, workflow=False):
    (tmp_path / ".ecs-lint.yaml").write_text(CONFIG)
    (tmp_path / "iam.tf").write_text(TRUST_TF % values)
    if workflow:
        wf = tmp_path / ".github" / "workflows"
        wf.mkdir(parents=True)
        (wf / "image.yml").write_text(WORKFLOW)
    return sorted(f.rule for f in lint_folder(tmp_path)
                  if f.rule.startswith(("trust-sub-", "xref-sub-")))


def test_formatlist_over_known_repositories_is_read(tmp_path):
    # formatlist("repo:%s:*", var.repositories): one `repo:OWNER/REPO:*` per listed
    # repository, every context of each (Terraform's formatlist; a common idiom in
    # GitHub OIDC modules)
    assert _trust(tmp_path, 'formatlist("repo:%s:*", var.repositories)') == [
        "trust-sub-any-context"]


def test_formatlist_over_a_set_and_a_scalar(tmp_path):
    # scalars are repeated for each element of the list arguments
    assert _trust(tmp_path, 'formatlist("repo:%s/%s:*", "lumen-freight", '
                            'toset(["tracker", "tracker-ui"]))') == ["trust-sub-any-context"]


def test_format_builds_the_sub_the_workflow_sends(tmp_path):
    # format("repo:%s:ref:refs/heads/%s", ...) is exactly main: admitted, not broader
    assert _trust(tmp_path, '[format("repo:%s:ref:refs/heads/%s", var.github_repository, "main")]',
                  workflow=True) == []


def test_format_with_a_wrong_ref_shape_is_not_admitted(tmp_path):
    # `ref:heads/main` (a real module's typo) is not what GitHub sends
    # (`ref:refs/heads/main`): the main job gets 401
    assert _trust(tmp_path, '[format("repo:%s:ref:heads/%s", var.github_repository, "main")]',
                  workflow=True) == ["xref-sub-not-admitted"]


def test_format_with_an_unknown_argument_keeps_its_hole(tmp_path):
    # a variable without default stays a hole, the rest of the pattern is read
    (tmp_path / "vars.tf").write_text('variable "org" {\n  type = string\n}\n')
    assert _trust(tmp_path, '[format("repo:%s/tracker:*", var.org)]') == ["trust-sub-any-context"]


def test_format_verbs_we_do_not_model_stay_unknown(tmp_path):
    # width/flags/explicit indexes are not guessed: the reach stays unknown
    assert _trust(tmp_path, '[format("repo:%[1]s:*", var.github_repository)]') == []


def test_conditional_on_an_equality_of_known_values(tmp_path):
    # var.environment defaults to staging, so the `:*` branch is the one applied
    values = ('[var.environment == "production" ? "repo:lumen-freight/tracker:environment:production"'
              ' : "repo:lumen-freight/tracker:*"]')
    assert _trust(tmp_path, values) == ["trust-sub-any-context"]


def test_conditional_on_an_inequality_and_length(tmp_path):
    values = ('length(var.repositories) != 2 || var.environment == "production" ? '
              '["repo:lumen-freight/tracker:environment:production"] : '
              'formatlist("repo:%s:*", var.repositories)')
    assert _trust(tmp_path, values) == ["trust-sub-any-context"]


def test_equality_of_a_string_and_a_number_is_false(tmp_path):
    # Terraform compares type and value: "1" == 1 is false, true == 1 too
    values = '"1" == 1 || true == 1 ? ["repo:lumen-freight/tracker:*"] : ["repo:lumen-freight/tracker:ref:refs/heads/main"]'
    assert _trust(tmp_path, values, workflow=True) == []


def test_conditional_on_an_unknown_value_stays_unknown(tmp_path):
    (tmp_path / "vars.tf").write_text('variable "stage" {\n  type = string\n}\n')
    values = ('var.stage == "prod" ? ["repo:lumen-freight/tracker:environment:production"]'
              ' : ["repo:lumen-freight/tracker:*"]')
    assert _trust(tmp_path, values) == []
