locals {
  environments = toset(["staging", "production"])
}

resource "aws_iam_role" "deploy" {
  for_each = local.environments

  name = "notify-deploy-${each.key}"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRoleWithWebIdentity"
      Principal = { Federated = "arn:aws:iam::381492006517:oidc-provider/token.actions.githubusercontent.com" }
      Condition = {
        StringEquals = {
          "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"
          "token.actions.githubusercontent.com:sub" = "repo:acme-freight/notify:environment:${each.key}"
        }
      }
    }]
  })
}

resource "aws_iam_role_policy" "deploy" {
  for_each = aws_iam_role.deploy

  name = "ecs-deploy"
  role = each.value.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = "ecs:UpdateService"
        Resource = "arn:aws:ecs:eu-west-1:381492006517:service/notify-${each.key}/notify"
      },
    ]
  })
}
