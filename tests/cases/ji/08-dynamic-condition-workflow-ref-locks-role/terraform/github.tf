resource "aws_iam_openid_connect_provider" "github" {
  url            = "https://token.actions.githubusercontent.com"
  client_id_list = ["sts.amazonaws.com"]
}

module "ledger_sync_deploy" {
  source = "./modules/github-deploy-role"

  role_name         = "ledger-sync-deploy"
  oidc_provider_arn = aws_iam_openid_connect_provider.github.arn

  subjects = [
    "repo:sable-finance/ledger-sync:environment:production",
  ]

  # SEC-219: only the reviewed deploy workflow on main may use this role.
  extra_conditions = [
    {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:workflow_ref"
      values   = ["sable-finance/ledger-sync/.github/workflows/deploy.yml@refs/heads/main"]
    },
  ]

  policy_json = data.aws_iam_policy_document.deploy.json
}

data "aws_iam_policy_document" "deploy" {
  statement {
    sid       = "EcrAuth"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    sid = "EcrPush"
    actions = [
      "ecr:BatchCheckLayerAvailability",
      "ecr:BatchGetImage",
      "ecr:CompleteLayerUpload",
      "ecr:InitiateLayerUpload",
      "ecr:PutImage",
      "ecr:UploadLayerPart",
    ]
    resources = ["arn:aws:ecr:us-east-1:574219830642:repository/ledger-sync"]
  }

  statement {
    sid       = "Register"
    actions   = ["ecs:RegisterTaskDefinition"]
    resources = ["*"]
  }

  statement {
    sid       = "Deploy"
    actions   = ["ecs:DescribeServices", "ecs:UpdateService"]
    resources = ["arn:aws:ecs:us-east-1:574219830642:service/ledger/ledger-sync"]
  }

  statement {
    sid     = "PassRole"
    actions = ["iam:PassRole"]
    resources = [
      "arn:aws:iam::574219830642:role/ledger-sync-execution",
      "arn:aws:iam::574219830642:role/ledger-sync-task",
    ]

    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["ecs-tasks.amazonaws.com"]
    }
  }
}
