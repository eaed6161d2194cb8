locals {
  account_id = "927105563318"
  region     = "ca-central-1"
  repository = "harborview/orders"

  # Each key is a claim of GitHub's token; every listed claim must match.
  trust_claims = {
    aud              = ["sts.amazonaws.com"]
    sub              = formatlist("repo:%s:environment:%s", local.repository, ["production"])
    job_workflow_ref = ["${local.repository}/.github/workflows/deploy-ecs.yml@refs/heads/main"]
  }
}

data "aws_iam_policy_document" "orders_deploy_trust" {
  statement {
    sid     = "OrdersReusableDeployWorkflow"
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = ["arn:aws:iam::${local.account_id}:oidc-provider/token.actions.githubusercontent.com"]
    }

    dynamic "condition" {
      for_each = local.trust_claims

      content {
        test     = "StringEquals"
        variable = "token.actions.githubusercontent.com:${condition.key}"
        values   = condition.value
      }
    }
  }
}

resource "aws_iam_role" "orders_deploy" {
  name               = "orders-ecs-deploy"
  assume_role_policy = data.aws_iam_policy_document.orders_deploy_trust.json
}

resource "aws_iam_role_policy" "orders_deploy" {
  name = "orders-ecs-deploy"
  role = aws_iam_role.orders_deploy.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "EcrLogin"
        Effect   = "Allow"
        Action   = "ecr:GetAuthorizationToken"
        Resource = "*"
      },
      {
        Sid    = "EcrPush"
        Effect = "Allow"
        Action = [
          "ecr:BatchCheckLayerAvailability",
          "ecr:BatchGetImage",
          "ecr:CompleteLayerUpload",
          "ecr:InitiateLayerUpload",
          "ecr:PutImage",
          "ecr:UploadLayerPart",
        ]
        Resource = "arn:aws:ecr:${local.region}:${local.account_id}:repository/orders"
      },
      {
        Sid      = "RegisterTaskDefinition"
        Effect   = "Allow"
        Action   = "ecs:RegisterTaskDefinition"
        Resource = "*"
      },
      {
        Sid      = "UpdateOrdersService"
        Effect   = "Allow"
        Action   = ["ecs:DescribeServices", "ecs:UpdateService"]
        Resource = "arn:aws:ecs:${local.region}:${local.account_id}:service/harborview/orders"
      },
      {
        Sid      = "PassOrdersRoles"
        Effect   = "Allow"
        Action   = "iam:PassRole"
        Resource = "arn:aws:iam::${local.account_id}:role/orders-*"
        Condition = {
          StringEquals = { "iam:PassedToService" = "ecs-tasks.amazonaws.com" }
        }
      },
    ]
  })
}
