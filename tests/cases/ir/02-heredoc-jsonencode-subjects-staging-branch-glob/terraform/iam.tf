resource "aws_iam_role" "deploy" {
  name        = "ledger-deploy-${var.environment}"
  description = "Assumed by GitHub Actions to build and apply ledger (${var.environment})"

  assume_role_policy = <<-POLICY
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Sid": "GitHubActions",
          "Effect": "Allow",
          "Principal": {
            "Federated": "arn:aws:iam::${var.account_id}:oidc-provider/token.actions.githubusercontent.com"
          },
          "Action": "sts:AssumeRoleWithWebIdentity",
          "Condition": {
            "StringEquals": {
              "token.actions.githubusercontent.com:aud": "sts.amazonaws.com"
            },
            "StringLike": {
              "token.actions.githubusercontent.com:sub": ${jsonencode(var.github_subjects)}
            }
          }
        }
      ]
    }
  POLICY
}

resource "aws_iam_role_policy_attachment" "terraform_apply" {
  role       = aws_iam_role.deploy.name
  policy_arn = "arn:aws:iam::${var.account_id}:policy/ledger-terraform-apply"
}
