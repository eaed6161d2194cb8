resource "aws_iam_openid_connect_provider" "github" {
  url            = "https://token.actions.githubusercontent.com"
  client_id_list = ["sts.amazonaws.com"]
}

data "aws_iam_policy_document" "github_trust" {
  statement {
    sid     = "GitHubProductionEnvironment"
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
      values   = ["repo:${local.github_repo}:environment:production"]
    }
  }
}

resource "aws_iam_role" "github_deploy" {
  name                 = "settlement-api-github-deploy"
  description          = "Assumed by the production job of quayside-fin/settlement-api"
  assume_role_policy   = data.aws_iam_policy_document.github_trust.json
  max_session_duration = 3600

  inline_policy {
    name = "ecr-push"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [
        {
          Sid      = "Login"
          Effect   = "Allow"
          Action   = "ecr:GetAuthorizationToken"
          Resource = "*"
        },
        {
          Sid    = "PushSettlementApi"
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
          Resource = "arn:aws:ecr:${local.region}:${local.account_id}:repository/${local.name}"
        },
      ]
    })
  }

  inline_policy {
    name = "ecs-deploy"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [
        {
          Sid      = "TaskDefinitions"
          Effect   = "Allow"
          Action   = ["ecs:DescribeTaskDefinition", "ecs:RegisterTaskDefinition"]
          Resource = "*"
        },
        {
          Sid      = "RollService"
          Effect   = "Allow"
          Action   = ["ecs:DescribeServices", "ecs:UpdateService"]
          Resource = "arn:aws:ecs:${local.region}:${local.account_id}:service/${local.cluster_name}/${local.name}"
        },
        {
          Sid    = "PassTaskRoles"
          Effect = "Allow"
          Action = "iam:PassRole"
          Resource = [
            aws_iam_role.execution.arn,
            # the task role's name is generated from its name_prefix
            "arn:aws:iam::${local.account_id}:role/${local.name}-task-*",
          ]
          Condition = {
            StringEquals = {
              "iam:PassedToService" = "ecs-tasks.amazonaws.com"
            }
          }
        },
      ]
    })
  }
}
