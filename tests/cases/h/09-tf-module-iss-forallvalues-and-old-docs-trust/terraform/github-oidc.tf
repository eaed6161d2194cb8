data "aws_partition" "current" {}
data "aws_caller_identity" "current" {}

################################################################################
# GitHub OIDC Role (adapted from terraform-aws-modules/iam iam-github-oidc-role)
################################################################################

data "aws_iam_policy_document" "github_oidc" {
  statement {
    sid    = "GithubOidcAuth"
    effect = "Allow"
    actions = [
      "sts:TagSession",
      "sts:AssumeRoleWithWebIdentity"
    ]

    principals {
      type        = "Federated"
      identifiers = ["arn:${data.aws_partition.current.partition}:iam::${data.aws_caller_identity.current.account_id}:oidc-provider/token.actions.githubusercontent.com"]
    }

    condition {
      test     = "ForAllValues:StringEquals"
      variable = "token.actions.githubusercontent.com:iss"
      values   = ["http://token.actions.githubusercontent.com"]
    }

    condition {
      test     = "ForAllValues:StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      # Strip `repo:` to normalize for cases where users may prepend it
      values = [for subject in ["tern-logistics/route-planner:*"] : "repo:${trimprefix(subject, "repo:")}"]
    }
  }
}

resource "aws_iam_role" "github_oidc" {
  name                  = "route-planner-github-oidc"
  description           = "Assumed by GitHub Actions in tern-logistics/route-planner"
  assume_role_policy    = data.aws_iam_policy_document.github_oidc.json
  max_session_duration  = 3600
  force_detach_policies = true
}

resource "aws_iam_role_policy_attachment" "ecr_power_user" {
  role       = aws_iam_role.github_oidc.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPowerUser"
}
