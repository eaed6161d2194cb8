# Build role from the terraform-aws-modules GitHub OIDC role module (v5 line):
# pushes images from main only.
module "payments_ecr_push_role" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-github-oidc-role"
  version = "~> 5.60"

  name     = "payments-api-ecr-push"
  subjects = ["kestrel-bank/payments-api:ref:refs/heads/main"]

  policies = {
    EcrPush = aws_iam_policy.ecr_push.arn
  }
}

resource "aws_iam_policy" "ecr_push" {
  name = "payments-api-ecr-push"

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "EcrLogin"
        Effect   = "Allow"
        Action   = "ecr:GetAuthorizationToken"
        Resource = "*"
      },
      {
        Sid    = "EcrPush"
        Effect = "Allow"
        Action = [
          "ecr:BatchCheckLayerAvailability",
          "ecr:BatchGetImage",
          "ecr:CompleteLayerUpload",
          "ecr:GetDownloadUrlForLayer",
          "ecr:InitiateLayerUpload",
          "ecr:PutImage",
          "ecr:UploadLayerPart",
        ]
        Resource = "arn:aws:ecr:eu-west-1:284019375610:repository/payments-api"
      },
    ]
  })
}
