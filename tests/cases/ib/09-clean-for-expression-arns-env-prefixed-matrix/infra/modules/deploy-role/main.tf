variable "env" {
  description = "Short environment name used in resource names (prod, stg)."
  type        = string
}

variable "github_environment" {
  description = "GitHub environment whose jobs may deploy."
  type        = string
}

variable "repository" {
  type = string
}

variable "cluster" {
  type = string
}

variable "services" {
  type = list(string)
}

variable "account_id" {
  type = string
}

variable "region" {
  type = string
}

locals {
  service_arns    = [for s in var.services : "arn:aws:ecs:${var.region}:${var.account_id}:service/${var.cluster}/${var.env}-${s}"]
  repository_arns = [for s in var.services : "arn:aws:ecr:${var.region}:${var.account_id}:repository/catalog/${s}"]
  task_role_arns  = [for s in var.services : "arn:aws:iam::${var.account_id}:role/catalog-${var.env}-${s}-task"]
  passable_roles  = concat(local.task_role_arns, ["arn:aws:iam::${var.account_id}:role/catalog-${var.env}-execution"])
}

data "aws_iam_policy_document" "trust" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::${var.account_id}:oidc-provider/token.actions.githubusercontent.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:${var.repository}:environment:${var.github_environment}"]
    }
  }
}

data "aws_iam_policy_document" "deploy" {
  statement {
    sid       = "EcrLogin"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    sid = "EcrPush"
    actions = [
      "ecr:BatchCheckLayerAvailability",
      "ecr:CompleteLayerUpload",
      "ecr:InitiateLayerUpload",
      "ecr:PutImage",
      "ecr:UploadLayerPart",
    ]
    resources = local.repository_arns
  }

  statement {
    sid       = "RegisterTaskDefinitions"
    actions   = ["ecs:RegisterTaskDefinition"]
    resources = ["*"]
  }

  statement {
    sid       = "RollServices"
    actions   = ["ecs:DescribeServices", "ecs:UpdateService"]
    resources = local.service_arns
  }

  statement {
    sid       = "PassTaskRoles"
    actions   = ["iam:PassRole"]
    resources = local.passable_roles

    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["ecs-tasks.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "deploy" {
  name               = "catalog-${var.env}-deploy"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}

resource "aws_iam_role_policy" "deploy" {
  name   = "deploy"
  role   = aws_iam_role.deploy.id
  policy = data.aws_iam_policy_document.deploy.json
}
