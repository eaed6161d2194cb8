resource "aws_iam_role" "bootstrap" {
  name = "platform-bootstrap"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "PlatformRepos"
        Effect    = "Allow"
        Principal = { Federated = local.oidc_arn }
        Action    = "sts:AssumeRoleWithWebIdentity"
        Condition = {
          StringEquals = {
            "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"
          }
          StringLike = {
            "token.actions.githubusercontent.com:sub" = "repo:fjord-systems/platform-*:environment:bootstrap"
          }
        }
      }
    ]
  })
}

resource "aws_iam_role_policy" "bootstrap" {
  name = "platform-bootstrap"
  role = aws_iam_role.bootstrap.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "ManageIdentity"
        Effect   = "Allow"
        Action   = ["iam:*"]
        Resource = "*"
      },
      {
        Sid      = "InspectEcs"
        Effect   = "Allow"
        Action   = ["ecs:Describe*", "ecs:List*"]
        Resource = "*"
      }
    ]
  })
}
