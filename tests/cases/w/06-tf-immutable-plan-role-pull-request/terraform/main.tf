terraform {
  required_providers {
    aws = {
      source = "hashicorp/aws"
    }
  }
}

data "aws_iam_openid_connect_provider" "github" {
  url = "https://token.actions.githubusercontent.com"
}

data "aws_iam_policy_document" "assume" {
  for_each = var.repos

  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [data.aws_iam_openid_connect_provider.github.arn]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values = [
        # Immutable-subject format (embeds owner_id/repo_id), GitHub's
        # current default for newly created repos.
        "repo:${var.github_org}@${var.github_owner_id}/${each.key}@${each.value}:ref:refs/heads/main",
      ]
    }
  }
}

resource "aws_iam_role" "github_actions" {
  for_each = var.repos

  name               = "github-actions-${replace(each.key, ".", "-")}"
  path               = "/external/"
  assume_role_policy = data.aws_iam_policy_document.assume[each.key].json
}

resource "aws_iam_role_policy_attachment" "admin" {
  for_each = var.repos

  role       = aws_iam_role.github_actions[each.key].name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess"
}

# PR plan role (opt-in per repo via `pr_plan_role: true` in repositories.yaml)
#
#   sub              - the caller must be a pull_request event in this exact
#                      repository (immutable owner_id/repo_id format).
#   job_workflow_ref - the job must BE the vetted reusable workflow.

data "aws_iam_policy_document" "assume_plan" {
  for_each = var.plan_repos

  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [data.aws_iam_openid_connect_provider.github.arn]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values = [
        "repo:${var.github_org}@${var.github_owner_id}/${each.key}@${each.value}:pull_request",
      ]
    }

    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:job_workflow_ref"
      values   = var.plan_job_workflow_refs
    }
  }
}

resource "aws_iam_role" "github_actions_plan" {
  for_each = var.plan_repos

  name               = "github-actions-${replace(each.key, ".", "-")}-plan"
  path               = "/external/"
  description        = "Read-only role for terraform plan on pull requests in ${var.github_org}/${each.key}"
  assume_role_policy = data.aws_iam_policy_document.assume_plan[each.key].json
}

resource "aws_iam_role_policy_attachment" "plan_readonly" {
  for_each = var.plan_repos

  role       = aws_iam_role.github_actions_plan[each.key].name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}
