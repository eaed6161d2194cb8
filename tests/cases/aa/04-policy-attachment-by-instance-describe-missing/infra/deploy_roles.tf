variable "environments" {
  type    = set(string)
  default = ["staging", "production"]
}

locals {
  account_id = "381492006517"
  region     = "ap-southeast-2"
}

resource "aws_iam_role" "deploy" {
  for_each = var.environments

  name = "catalog-deploy-${each.key}"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = "arn:aws:iam::${local.account_id}:oidc-provider/token.actions.githubusercontent.com" }
      Condition = {
        StringEquals = {
          "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"
          "token.actions.githubusercontent.com:sub" = "repo:acme-freight/catalog:environment:${each.key}"
        }
      }
    }]
  })
}

data "aws_iam_policy_document" "deploy" {
  for_each = var.environments

  statement {
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    actions = [
      "ecr:BatchCheckLayerAvailability",
      "ecr:BatchGetImage",
      "ecr:CompleteLayerUpload",
      "ecr:InitiateLayerUpload",
      "ecr:PutImage",
      "ecr:UploadLayerPart",
    ]
    resources = ["arn:aws:ecr:${local.region}:${local.account_id}:repository/catalog"]
  }

  statement {
    actions   = ["ecs:RegisterTaskDefinition"]
    resources = ["*"]
  }

  statement {
    actions   = ["ecs:UpdateService"]
    resources = ["arn:aws:ecs:${local.region}:${local.account_id}:service/catalog-${each.key}/catalog"]
  }

  statement {
    actions   = ["iam:PassRole"]
    resources = ["arn:aws:iam::${local.account_id}:role/catalog-execution"]
    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["ecs-tasks.amazonaws.com"]
    }
  }
}

resource "aws_iam_policy" "deploy" {
  for_each = var.environments

  name   = "catalog-deploy-${each.key}"
  policy = data.aws_iam_policy_document.deploy[each.key].json
}

resource "aws_iam_role_policy_attachment" "deploy" {
  for_each = var.environments

  role       = aws_iam_role.deploy[each.key].name
  policy_arn = aws_iam_policy.deploy[each.key].arn
}
