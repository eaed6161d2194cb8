variable "repositories" {
  description = "GitHub repositories that get a deploy role, keyed by short name"
  type        = map(string)
  default = {
    web    = "acme-freight/web"
    worker = "acme-freight/worker"
  }
}

variable "account_id" {
  type    = string
  default = "381492006517"
}

resource "aws_iam_role" "gha" {
  for_each = var.repositories

  name = "gha-${each.key}"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Allow"
        Principal = {
          Federated = "arn:aws:iam::${var.account_id}:oidc-provider/token.actions.githubusercontent.com"
        }
        Action = "sts:AssumeRoleWithWebIdentity"
        Condition = {
          StringEquals = {
            "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"
          }
          StringLike = {
            "token.actions.githubusercontent.com:sub" = "repo:${each.value}:*"
          }
        }
      }
    ]
  })
}

resource "aws_iam_policy" "ecs_deploy" {
  name = "gha-ecs-deploy"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Allow"
        Action = [
          "ecs:DescribeServices",
          "ecs:UpdateService",
        ]
        Resource = "arn:aws:ecs:eu-west-1:${var.account_id}:service/acme/*"
      }
    ]
  })
}

resource "aws_iam_role_policy_attachment" "gha" {
  for_each = var.repositories

  role       = aws_iam_role.gha[each.key].name
  policy_arn = aws_iam_policy.ecs_deploy.arn
}
