# Applied by hand by the platform team (bootstrap): the roles CI uses to run
# terraform for each environment.

locals {
  account_id          = "640281937455"
  github_repository   = "marram-cloud/scheduler-api"
  github_provider_arn = "arn:aws:iam::${local.account_id}:oidc-provider/token.actions.githubusercontent.com"

  environments = {
    staging    = "arn:aws:iam::${local.account_id}:policy/scheduler-api-terraform-staging"
    production = "arn:aws:iam::${local.account_id}:policy/scheduler-api-terraform-production"
  }
}

resource "aws_iam_role" "terraform" {
  for_each = local.environments

  name = "scheduler-api-terraform-${each.key}"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = { Federated = local.github_provider_arn }
        Action    = "sts:AssumeRoleWithWebIdentity"
        Condition = {
          StringEquals = {
            "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"
            "token.actions.githubusercontent.com:sub" = "repo:${local.github_repository}:environment:${each.key}"
          }
        }
      }
    ]
  })
}

resource "aws_iam_role_policy_attachment" "terraform" {
  for_each = local.environments

  role       = aws_iam_role.terraform[each.key].name
  policy_arn = each.value
}
