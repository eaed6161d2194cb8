data "aws_iam_policy_document" "trust" {
  dynamic "statement" {
    for_each = var.deployers

    content {
      effect  = "Allow"
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
        test     = "StringLike"
        variable = "token.actions.githubusercontent.com:sub"
        values   = ["repo:${statement.key}:${statement.value}"]
      }
    }
  }
}

resource "aws_iam_role" "platform_deployer" {
  name               = "platform-deployer"
  assume_role_policy = data.aws_iam_policy_document.trust.json
}

data "aws_iam_policy_document" "deploy" {
  statement {
    sid       = "EcrLogin"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    sid = "Services"
    actions = [
      "ecs:DescribeServices",
      "ecs:UpdateService",
    ]
    resources = ["arn:aws:ecs:us-east-1:${var.account_id}:service/platform/*"]
  }
}

resource "aws_iam_role_policy" "platform_deployer" {
  name   = "deploy"
  role   = aws_iam_role.platform_deployer.id
  policy = data.aws_iam_policy_document.deploy.json
}
