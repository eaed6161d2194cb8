variable "manage_apply_role" {
  description = "Manage the role this repository's own apply workflow uses (false while bootstrapping)"
  type        = bool
}

resource "aws_iam_role" "apply" {
  count = var.manage_apply_role ? 1 : 0

  name = "platform-iam-apply"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "GitHubApply"
        Effect = "Allow"
        Principal = {
          Federated = "arn:aws:iam::381492006517:oidc-provider/token.actions.githubusercontent.com"
        }
        Action = "sts:AssumeRoleWithWebIdentity"
        Condition = {
          StringEquals = {
            "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"
            "token.actions.githubusercontent.com:sub" = "repo:acme-freight/platform-iam:environment:production"
          }
        }
      }
    ]
  })
}

resource "aws_iam_role_policy_attachment" "apply" {
  count = var.manage_apply_role ? 1 : 0

  role       = aws_iam_role.apply[0].name
  policy_arn = "arn:aws:iam::aws:policy/IAMFullAccess"
}
