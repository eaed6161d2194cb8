"""Terraform written the way real repositories write it (audit tf-real).

Each test is a minimal excerpt of a public file that ecs-lint read wrong."""
import textwrap

from conftest import lint_folder


def findings(tmp_path, name, text):
    (tmp_path / name).write_text(textwrap.dedent(text))
    return [(f.rule, f.line, f.column) for f in lint_folder(tmp_path)]


def test_misspelled_key_points_at_the_variable_line(tmp_path):
    # erioluwa66/BusyToddlerMumInfraMgt data.tf: the key is written on the
    # `variable` line, not on `values`
    found = findings(tmp_path, "data.tf", """\
        data "aws_iam_policy_document" "oidc" {
          statement {
            actions = ["sts:AssumeRoleWithWebIdentity"]
            principals {
              type        = "Federated"
              identifiers = ["arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"]
            }
            condition {
              test     = "StringEquals"
              values   = ["sts.amazonaws.com"]
              variable = "token.actions.githubuser.content.com:aud"
            }
          }
        }
        """)
    assert ("trust-condition-key-unknown", 11, 18) in found
