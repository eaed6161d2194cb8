variable "name" {
  type = string
}

variable "subjects" {
  type = list(string)
}

variable "account_id" {
  type = string
}

variable "region" {
  type = string
}

variable "cluster" {
  type = string
}

variable "services" {
  type = list(string)
}

variable "repository" {
  type = string
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
      values   = var.subjects
    }
  }
}

data "aws_iam_policy_document" "permissions" {
  statement {
    sid       = "Login"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    sid = "Push"
    actions = [
      "ecr:BatchCheckLayerAvailability",
      "ecr:CompleteLayerUpload",
      "ecr:InitiateLayerUpload",
      "ecr:PutImage",
      "ecr:UploadLayerPart",
    ]
    resources = ["arn:aws:ecr:${var.region}:${var.account_id}:repository/${var.repository}"]
  }

  statement {
    sid       = "Register"
    actions   = ["ecs:RegisterTaskDefinition"]
    resources = [for s in var.services : "arn:aws:ecs:${var.region}:${var.account_id}:task-definition/${s}:*"]
  }

  statement {
    sid       = "Deploy"
    actions   = ["ecs:DescribeServices", "ecs:UpdateService"]
    resources = [for s in var.services : "arn:aws:ecs:${var.region}:${var.account_id}:service/${var.cluster}/${s}"]
  }

  statement {
    sid     = "PassRoles"
    actions = ["iam:PassRole"]
    resources = flatten([
      for s in var.services : [
        "arn:aws:iam::${var.account_id}:role/${s}-execution",
        "arn:aws:iam::${var.account_id}:role/${s}-task",
      ]
    ])

    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["ecs-tasks.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "this" {
  name               = var.name
  assume_role_policy = data.aws_iam_policy_document.trust.json
}

resource "aws_iam_role_policy" "this" {
  name   = "deploy"
  role   = aws_iam_role.this.id
  policy = data.aws_iam_policy_document.permissions.json
}
