resource "aws_iam_openid_connect_provider" "github" {
  url            = "https://token.actions.githubusercontent.com"
  client_id_list = ["sts.amazonaws.com"]
}

locals {
  # Every (repository, branch) pair may publish:
  #   repo:brightwater-io/checkout:ref:refs/heads/main, ...:release/*, ...
  publisher_subjects = [
    for pair in setproduct(var.publisher_repositories, var.publisher_branches) :
    "repo:${var.github_org}/${pair[0]}:ref:refs/heads/${pair[1]}"
  ]
}

data "aws_iam_policy_document" "image_publisher_trust" {
  statement {
    sid     = "GitHubPublishers"
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.github.arn]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values   = local.publisher_subjects
    }
  }
}

resource "aws_iam_role" "image_publisher" {
  name               = "ecr-image-publisher"
  assume_role_policy = data.aws_iam_policy_document.image_publisher_trust.json
}

# One production deploy role per repository, pinned to its production environment.
data "aws_iam_policy_document" "deploy_trust" {
  for_each = var.deploy_repositories

  statement {
    sid     = "GitHubProduction"
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.github.arn]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:${var.github_org}/${each.key}:environment:production"]
    }
  }
}

resource "aws_iam_role" "deploy" {
  for_each = var.deploy_repositories

  name               = "${each.key}-production-deploy"
  assume_role_policy = data.aws_iam_policy_document.deploy_trust[each.key].json
}
