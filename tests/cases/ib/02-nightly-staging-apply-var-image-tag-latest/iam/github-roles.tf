locals {
  github_provider_arn = "arn:aws:iam::604118273950:oidc-provider/token.actions.githubusercontent.com"

  roles = {
    "settlement-image-push"            = "repo:orchard-pay/settlement:ref:refs/heads/main"
    "settlement-terraform-staging"     = "repo:orchard-pay/settlement:environment:staging"
    "settlement-terraform-production"  = "repo:orchard-pay/settlement:environment:production"
  }
}

resource "aws_iam_role" "github" {
  for_each = local.roles

  name = each.key
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
            "token.actions.githubusercontent.com:sub" = each.value
          }
        }
      }
    ]
  })
}

resource "aws_iam_role_policy" "image_push" {
  name = "ecr-push"
  role = aws_iam_role.github["settlement-image-push"].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "Login"
        Effect   = "Allow"
        Action   = "ecr:GetAuthorizationToken"
        Resource = "*"
      },
      {
        Sid    = "Push"
        Effect = "Allow"
        Action = [
          "ecr:BatchCheckLayerAvailability",
          "ecr:CompleteLayerUpload",
          "ecr:InitiateLayerUpload",
          "ecr:PutImage",
          "ecr:UploadLayerPart",
        ]
        Resource = "arn:aws:ecr:eu-west-1:604118273950:repository/settlement"
      },
    ]
  })
}

resource "aws_iam_role_policy_attachment" "terraform" {
  for_each = toset(["settlement-terraform-staging", "settlement-terraform-production"])

  role       = aws_iam_role.github[each.key].name
  policy_arn = "arn:aws:iam::604118273950:policy/settlement-terraform-apply"
}
