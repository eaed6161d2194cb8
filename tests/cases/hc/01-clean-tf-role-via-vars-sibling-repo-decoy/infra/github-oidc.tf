# GitHub Actions deploy roles for the ledger services.
# Applied from the platform repository; role ARNs are copied into each
# repository's Actions variables (DEPLOY_ROLE_ARN).

data "aws_caller_identity" "current" {}

locals {
  github_org   = "tidewater-labs"
  oidc_host    = "token.actions.githubusercontent.com"
  provider_arn = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:oidc-provider/${local.oidc_host}"
}

data "aws_iam_policy_document" "ledger_api_trust" {
  statement {
    sid     = "GitHubActionsLedgerApiProduction"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [local.provider_arn]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.oidc_host}:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.oidc_host}:sub"
      values   = ["repo:${local.github_org}/ledger-api:environment:production"]
    }
  }
}

resource "aws_iam_role" "ledger_api_deploy" {
  name               = "ledger-api-deploy"
  description        = "GitHub Actions: deploy tidewater-labs/ledger-api to ECS"
  assume_role_policy = data.aws_iam_policy_document.ledger_api_trust.json
}

resource "aws_iam_role_policy" "ledger_api_deploy" {
  name = "ecs-deploy"
  role = aws_iam_role.ledger_api_deploy.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "EcrAuth"
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
          "ecr:GetDownloadUrlForLayer",
          "ecr:InitiateLayerUpload",
          "ecr:PutImage",
          "ecr:UploadLayerPart",
        ]
        Resource = "arn:aws:ecr:eu-west-1:${data.aws_caller_identity.current.account_id}:repository/ledger-api"
      },
      {
        Sid      = "RegisterTaskDefinition"
        Effect   = "Allow"
        Action   = "ecs:RegisterTaskDefinition"
        Resource = "*"
      },
      {
        Sid      = "UpdateService"
        Effect   = "Allow"
        Action   = ["ecs:DescribeServices", "ecs:UpdateService"]
        Resource = "arn:aws:ecs:eu-west-1:${data.aws_caller_identity.current.account_id}:service/ledger/ledger-api"
      },
      {
        Sid    = "PassTaskRoles"
        Effect = "Allow"
        Action = "iam:PassRole"
        Resource = [
          "arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/ledger-api-execution",
          "arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/ledger-api-task",
        ]
        Condition = {
          StringEquals = { "iam:PassedToService" = "ecs-tasks.amazonaws.com" }
        }
      },
    ]
  })
}

# Older role of the sibling worker repository. Its name starts with the
# api role's name; it is assumed only from tidewater-labs/ledger-api-worker.
data "aws_iam_policy_document" "ledger_api_worker_trust" {
  statement {
    sid     = "GitHubActionsLedgerApiWorkerProduction"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [local.provider_arn]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.oidc_host}:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.oidc_host}:sub"
      values   = ["repo:${local.github_org}/ledger-api-worker:environment:production"]
    }
  }
}

resource "aws_iam_role" "ledger_api_deployer" {
  name               = "ledger-api-deployer"
  description        = "GitHub Actions: deploy tidewater-labs/ledger-api-worker to ECS"
  assume_role_policy = data.aws_iam_policy_document.ledger_api_worker_trust.json
}

resource "aws_iam_role_policy_attachment" "ledger_api_deployer" {
  role       = aws_iam_role.ledger_api_deployer.name
  policy_arn = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:policy/ledger-worker-ecs-deploy"
}
