"""Where findings on a root module's variables point (the lu cases): a value
that brings a wildcard, from the module's own `terraform.tfvars` /
`*.auto.tfvars`, at the line that writes it, as for a value a module call
passes; a value written in the resource itself, a default, and a tfvars value
without a wildcard stay where the resource uses them."""
import textwrap

from conftest import lint_files

TRUST = """\
data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"]
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

resource "aws_iam_role" "this" {
  name               = "deploy"
  assume_role_policy = data.aws_iam_policy_document.assume.json
}
"""

PASS_ROLE = """\
data "aws_iam_policy_document" "deploy" {
  statement {
    actions   = ["iam:PassRole"]
    resources = %s
  }
}

resource "aws_iam_role" "this" {
  name               = "deploy"
  assume_role_policy = "{}"
}

resource "aws_iam_role_policy" "deploy" {
  role   = aws_iam_role.this.id
  policy = data.aws_iam_policy_document.deploy.json
}
"""

VARIABLES = """\
variable "subjects" {
  type = list(string)
}

variable "role_arns" {
  type = list(string)
}

variable "role_arn" {
  type = string
}
"""

EVERY_ROLE = "arn:aws:iam::123456789012:role/*"


def _found(tmp_path, files, rule):
    files = {k: textwrap.dedent(v) for k, v in files.items()}
    return sorted((f.file, f.line) for f in lint_files(tmp_path, files) if f.rule == rule)


# --- iam:PassRole on every role --------------------------------------------

def test_a_whole_list_from_the_root_tfvars_is_reported_at_its_line(tmp_path):
    files = {"infra/main.tf": PASS_ROLE % "var.role_arns", "infra/variables.tf": VARIABLES,
             "infra/terraform.tfvars": f'name = "x"\nrole_arns = ["{EVERY_ROLE}"]\n'}
    assert _found(tmp_path, files, "policy-passrole-wildcard") == [("infra/terraform.tfvars", 2)]


def test_an_element_from_an_auto_tfvars_is_reported_at_its_line(tmp_path):
    files = {"infra/main.tf": PASS_ROLE % "[var.role_arn]", "infra/variables.tf": VARIABLES,
             "infra/prod.auto.tfvars": f'\nrole_arn = "{EVERY_ROLE}"\n'}
    assert _found(tmp_path, files, "policy-passrole-wildcard") == [("infra/prod.auto.tfvars", 2)]


def test_a_default_stays_where_the_resource_uses_it(tmp_path):
    variables = f'\n\nvariable "role_arn" {{\n  default = "{EVERY_ROLE}"\n}}\n'
    files = {"infra/main.tf": PASS_ROLE % "[var.role_arn]", "infra/variables.tf": variables}
    assert _found(tmp_path, files, "policy-passrole-wildcard") == [("infra/main.tf", 4)]


def test_a_value_written_in_the_resource_stays_there(tmp_path):
    files = {"infra/main.tf": PASS_ROLE % f'["{EVERY_ROLE}"]', "infra/variables.tf": VARIABLES,
             "infra/terraform.tfvars": f'role_arns = ["{EVERY_ROLE}"]\n'}
    assert _found(tmp_path, files, "policy-passrole-wildcard") == [("infra/main.tf", 4)]


def test_a_wildcard_in_the_template_text_stays_at_the_resource(tmp_path):
    template = '["arn:aws:iam::123456789012:role/${var.role_arn}*"]'
    files = {"infra/main.tf": PASS_ROLE % template, "infra/variables.tf": VARIABLES,
             "infra/terraform.tfvars": 'role_arn = ""\n'}
    assert _found(tmp_path, files, "policy-passrole-wildcard") == [("infra/main.tf", 4)]


def test_a_scoped_role_from_the_tfvars_is_fine(tmp_path):
    files = {"infra/main.tf": PASS_ROLE % "var.role_arns", "infra/variables.tf": VARIABLES,
             "infra/terraform.tfvars":
                 'role_arns = ["arn:aws:iam::123456789012:role/app-task"]\n'}
    assert _found(tmp_path, files, "policy-passrole-wildcard") == []


# --- a trust policy's sub ----------------------------------------------------

def test_a_sub_list_from_the_root_tfvars_is_reported_at_its_entry(tmp_path):
    files = {"infra/main.tf": TRUST % "var.subjects", "infra/variables.tf": VARIABLES,
             "infra/terraform.tfvars":
                 'subjects = [\n  "repo:orchard-health/app:ref:refs/heads/main",\n'
                 '  "repo:orchard-health/*",\n]\n'}
    assert _found(tmp_path, files, "trust-sub-any-repo") == [("infra/terraform.tfvars", 3)]


def test_a_sub_without_a_wildcard_stays_at_the_condition(tmp_path):
    files = {"infra/main.tf": TRUST % "var.subjects", "infra/variables.tf": VARIABLES,
             "infra/terraform.tfvars":
                 'subjects = [\n  "repo:orchard-health/app:ref:refs/heads/main",\n'
                 '  "repo:orchard-health/app:pull_request",\n]\n'}
    assert _found(tmp_path, files, "trust-sub-pull-request") == [("infra/main.tf", 16)]


def test_a_sub_written_in_the_condition_stays_there(tmp_path):
    files = {"infra/main.tf": TRUST % '["repo:orchard-health/*"]',
             "infra/variables.tf": VARIABLES,
             "infra/terraform.tfvars": 'subjects = ["repo:orchard-health/*"]\n'}
    assert _found(tmp_path, files, "trust-sub-any-repo") == [("infra/main.tf", 16)]
