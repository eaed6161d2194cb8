"""Audit 's': Terraform repositories (module folders of several .tf files,
variables with terraform.tfvars / *.auto.tfvars, aws_iam_policy_document,
policies attached in the various Terraform ways, plan files) with the workflows
that deploy through them. Each test holds a case where ecs-lint was wrong (see
the commit that added it for the evidence)."""
import json

from conftest import lint_folder, gated_deploy_workflow

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

WORKFLOW = gated_deploy_workflow(
    "arn:aws:iam::604187325590:role/intake-deploy", "eu-west-1", """\
      - run: aws ecs update-service --cluster larkspur --service intake --force-new-deployment
""")


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


# --- aws_iam_policy_document source_policy_documents ---------------------------

SOURCES_TF = """\
data "aws_iam_policy_document" "ecr_push" {
  statement {
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }
  statement {
    actions = ["ecr:BatchCheckLayerAvailability", "ecr:CompleteLayerUpload",
               "ecr:InitiateLayerUpload", "ecr:PutImage", "ecr:UploadLayerPart"]
    resources = ["arn:aws:ecr:eu-west-1:604187325590:repository/intake"]
  }
}

data "aws_iam_policy_document" "pass_roles" {
  statement {
    actions   = ["iam:PassRole"]
    resources = [PASSED]
  }
}

data "aws_iam_policy_document" "deploy" {
  source_policy_documents = [
    data.aws_iam_policy_document.ecr_push.json,
    data.aws_iam_policy_document.pass_roles.json,
  ]
  statement {
    actions   = ["ecs:RegisterTaskDefinition", "ecs:DescribeServices", "ecs:UpdateService"]
    resources = ["*"]
  }
}

resource "aws_iam_role_policy" "deploy" {
  name   = "deploy"
  role   = aws_iam_role.deploy.id
  policy = data.aws_iam_policy_document.deploy.json
}
"""

RENDER_WORKFLOW = WORKFLOW.replace(
    "      - run: aws ecs update-service --cluster larkspur --service intake --force-new-deployment\n",
    """\
      - id: ecr
        uses: aws-actions/amazon-ecr-login@v2
      - run: docker push ${{ steps.ecr.outputs.registry }}/intake:${{ github.sha }}
      - id: render
        uses: aws-actions/amazon-ecs-render-task-definition@v1
        with:
          task-definition: ecs/task-definition.json
          container-name: app
          image: ${{ steps.ecr.outputs.registry }}/intake:${{ github.sha }}
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        with:
          task-definition: ${{ steps.render.outputs.task-definition }}
          cluster: larkspur
          service: intake
          wait-for-service-stability: true
""")

TASKDEF = {
    "family": "intake", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"],
    "cpu": "256", "memory": "512",
    "executionRoleArn": "arn:aws:iam::604187325590:role/intake-execution",
    "taskRoleArn": "arn:aws:iam::604187325590:role/intake-task",
    "containerDefinitions": [{"name": "app", "image": "nginx:1.27", "essential": True}],
}


def _sources_repo(tmp_path, passed):
    return _repo(tmp_path, {
        "infra/iam.tf": TRUST_TF.replace('default = "dev"', 'default = "production"'),
        "infra/policy.tf": SOURCES_TF.replace("PASSED", passed),
        "ecs/task-definition.json": TASKDEF,
        ".github/workflows/deploy.yml": RENDER_WORKFLOW,
    })


def test_source_policy_documents_statements_count_for_the_role(tmp_path):
    # terraform-provider-aws merges the statements of source_policy_documents
    # into the document (aws_iam_policy_document docs). ecs-lint kept them as
    # one unknown statement, so the role was reported missing the ECR push
    # actions and iam:PassRole that the source documents grant.
    found = _sources_repo(
        tmp_path, '"arn:aws:iam::604187325590:role/intake-execution", '
                  '"arn:aws:iam::604187325590:role/intake-task"')
    assert not [f for f in found if f[0] in (
        "xref-permission-missing", "policy-passrole-missing", "xref-passrole-not-covered")]


def test_source_policy_documents_passrole_judged_on_the_source(tmp_path):
    # the PassRole source lists only the execution role: the task role is not
    # covered, and the finding is on the source document that needs the fix
    found = _sources_repo(tmp_path, '"arn:aws:iam::604187325590:role/intake-execution"')
    assert ("xref-passrole-not-covered", "infra/policy.tf") in found
    assert ("policy-passrole-missing", "infra/policy.tf") not in found
    assert ("xref-permission-missing", "infra/policy.tf") not in found
