data "aws_caller_identity" "current" {}

data "aws_iam_policy" "ecr_read_only" {
  name = "AmazonEC2ContainerRegistryReadOnly"
}

locals {
  account_id = data.aws_caller_identity.current.account_id
  # Maintained by the platform team in the landing-zone repository.
  platform_deployer_policy_arn = "arn:aws:iam::${local.account_id}:policy/platform/ecs-service-deployer"
}

resource "aws_iam_role" "notifications_deploy" {
  name = "notifications-gha-deploy"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      Principal = {
        Federated = "arn:aws:iam::${local.account_id}:oidc-provider/token.actions.githubusercontent.com"
      }
      Action = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = {
          "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"
          "token.actions.githubusercontent.com:sub" = "repo:orbit-health/notifications:environment:production"
        }
      }
    }]
  })
}

resource "aws_iam_role_policy_attachment" "ecr_read_only" {
  role       = aws_iam_role.notifications_deploy.name
  policy_arn = data.aws_iam_policy.ecr_read_only.arn
}

resource "aws_iam_role_policy_attachment" "platform_deployer" {
  role       = aws_iam_role.notifications_deploy.name
  policy_arn = local.platform_deployer_policy_arn
}
