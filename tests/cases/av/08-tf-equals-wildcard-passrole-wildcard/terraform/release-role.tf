data "aws_caller_identity" "this" {}

locals {
  account_id = data.aws_caller_identity.this.account_id
  provider   = "token.actions.githubusercontent.com"
}

resource "aws_iam_role" "release" {
  name        = "storefront-release"
  description = "Assumed by GitHub Actions on release branches"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "ReleaseBranches"
        Effect = "Allow"
        Principal = {
          Federated = "arn:aws:iam::${local.account_id}:oidc-provider/${local.provider}"
        }
        Action = "sts:AssumeRoleWithWebIdentity"
        Condition = {
          StringEquals = {
            "${local.provider}:aud" = "sts.amazonaws.com"
            "${local.provider}:sub" = "repo:lumen-retail/storefront:ref:refs/heads/release/*"
          }
        }
      }
    ]
  })
}

data "aws_iam_policy_document" "release_permissions" {
  statement {
    sid       = "Registry"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    sid = "PushStorefront"
    actions = [
      "ecr:BatchCheckLayerAvailability",
      "ecr:CompleteLayerUpload",
      "ecr:InitiateLayerUpload",
      "ecr:PutImage",
      "ecr:UploadLayerPart",
    ]
    resources = ["arn:aws:ecr:us-east-1:${local.account_id}:repository/storefront"]
  }

  statement {
    sid       = "Ecs"
    actions   = ["ecs:*"]
    resources = ["*"]
  }

  statement {
    sid       = "PassAnyRole"
    actions   = ["iam:PassRole"]
    resources = ["arn:aws:iam::${local.account_id}:role/*"]
  }
}

resource "aws_iam_role_policy" "release" {
  name   = "release"
  role   = aws_iam_role.release.name
  policy = data.aws_iam_policy_document.release_permissions.json
}
