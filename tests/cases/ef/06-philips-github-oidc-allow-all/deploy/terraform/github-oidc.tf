module "oidc_provider" {
  source  = "philips-labs/github-oidc/aws//modules/provider"
  version = "~> 0.8.0"
}

# leaderboard-web: plan on every branch, deploy from main.
module "leaderboard_web_role" {
  source  = "philips-labs/github-oidc/aws"
  version = "~> 0.8.0"

  openid_connect_provider_arn = module.oidc_provider.openid_connect_provider.arn
  repo                        = "fernhill-games/leaderboard-web"
  role_name                   = "leaderboard-web-gha"
  default_conditions          = ["allow_all"]
  role_policy_arns            = [aws_iam_policy.ecr_push.arn]
}

# leaderboard-api: any branch, tag or environment, but never a pull request.
module "leaderboard_api_role" {
  source  = "philips-labs/github-oidc/aws"
  version = "~> 0.8.0"

  openid_connect_provider_arn = module.oidc_provider.openid_connect_provider.arn
  repo                        = "fernhill-games/leaderboard-api"
  role_name                   = "leaderboard-api-gha"
  default_conditions          = ["allow_all", "deny_pull_request"]
  role_policy_arns            = [aws_iam_policy.ecr_push.arn]
}

data "aws_iam_policy_document" "ecr_push" {
  statement {
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    actions = [
      "ecr:BatchCheckLayerAvailability",
      "ecr:CompleteLayerUpload",
      "ecr:InitiateLayerUpload",
      "ecr:PutImage",
      "ecr:UploadLayerPart",
    ]
    resources = ["arn:aws:ecr:eu-north-1:583201947716:repository/leaderboard-*"]
  }
}

resource "aws_iam_policy" "ecr_push" {
  name   = "leaderboard-ecr-push"
  policy = data.aws_iam_policy_document.ecr_push.json
}
