"""Audit 's': Terraform repositories (module folders of several .tf files,
variables with terraform.tfvars / *.auto.tfvars, aws_iam_policy_document,
policies attached in the various Terraform ways, plan files) with the workflows
that deploy through them. Each test holds a case where ecs-lint was wrong (see
the commit that added it for the evidence)."""
import json

from conftest import lint_folder

TRUST_TF = """\
variable "deploy_environment" {
  type    = string
  default = "dev"
}

data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::604187325590:oidc-provider/token.actions.githubusercontent.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:larkspur/intake:environment:${var.deploy_environment}"]
    }
  }
}

resource "aws_iam_role" "deploy" {
  name               = "intake-deploy"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}
"""

WORKFLOW = """\
name: deploy
on:
  push:
    branches: [main]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - run: make test
  deploy:
    needs: test
    runs-on: ubuntu-latest
    environment: production
    permissions:
      contents: read
      id-token: write
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::604187325590:role/intake-deploy
          aws-region: eu-west-1
      - run: aws ecs update-service --cluster larkspur --service intake --force-new-deployment
"""


def _repo(tmp_path, files):
    (tmp_path / ".ecs-lint.yaml").write_text("github:\n  repository: larkspur/intake\n")
    for name, text in files.items():
        p = tmp_path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text if isinstance(text, str) else json.dumps(text, indent=2))
    return [(f.rule, f.file) for f in lint_folder(tmp_path)
            if f.severity in ("warning", "error")]


# --- variable values: *.auto.tfvars after terraform.tfvars ---------------------

def test_auto_tfvars_override_terraform_tfvars(tmp_path):
    # Terraform loads terraform.tfvars, then *.auto.tfvars in lexical order of
    # their names, later sources taking precedence (Terraform docs, "Variable
    # Definition Precedence"). ecs-lint read the folder's files in plain name
    # order, so terraform.tfvars (staging) overrode production.auto.tfvars and
    # the production job's sub was reported as not admitted.
    found = _repo(tmp_path, {
        "infra/iam.tf": TRUST_TF,
        "infra/terraform.tfvars": 'deploy_environment = "staging"\n',
        "infra/production.auto.tfvars": 'deploy_environment = "production"\n',
        ".github/workflows/deploy.yml": WORKFLOW,
    })
    assert ("xref-sub-not-admitted", "infra/iam.tf") not in found


def test_later_auto_tfvars_wins(tmp_path):
    # two .auto.tfvars: the later name wins; here it names an environment the
    # job does not use, so the production job's sub is not admitted
    found = _repo(tmp_path, {
        "infra/iam.tf": TRUST_TF,
        "infra/a.auto.tfvars": 'deploy_environment = "production"\n',
        "infra/b.auto.tfvars": 'deploy_environment = "staging"\n',
        ".github/workflows/deploy.yml": WORKFLOW,
    })
    assert ("xref-sub-not-admitted", "infra/iam.tf") in found
