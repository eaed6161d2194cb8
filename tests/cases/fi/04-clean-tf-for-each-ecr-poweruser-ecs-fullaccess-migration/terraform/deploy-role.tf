locals {
  github_repo = "tidepool/billing"

  # AWS managed policies only: the platform team does not want hand-written
  # ECS/ECR action lists to drift behind the console.
  deploy_managed_policies = toset([
    "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPowerUser",
    "arn:aws:iam::aws:policy/AmazonECS_FullAccess",
  ])
}

resource "aws_iam_role" "billing_deploy" {
  name = "billing-github-deploy"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = "arn:aws:iam::555566667777:oidc-provider/token.actions.githubusercontent.com" }
      Condition = {
        StringEquals = {
          "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"
          "token.actions.githubusercontent.com:sub" = "repo:${local.github_repo}:environment:production"
        }
      }
    }]
  })
}

resource "aws_iam_role_policy_attachment" "billing_deploy" {
  for_each = local.deploy_managed_policies

  role       = aws_iam_role.billing_deploy.name
  policy_arn = each.value
}
