/*
 * Deploy role for GitHub Actions.
 * Only the production environment of gullwing/routing may assume it.
 */
resource "aws_iam_openid_connect_provider" "github" {
  url            = "https://token.actions.githubusercontent.com" # no trailing slash
  client_id_list = ["sts.amazonaws.com"] // the audience configure-aws-credentials asks for
}

resource "aws_iam_role" "deploy" {
  name = "routing-deploy"

  assume_role_policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Principal": {
            "Federated": "${aws_iam_openid_connect_provider.github.arn}"
          },
          "Action": "sts:AssumeRoleWithWebIdentity",
          "Condition": {
            "StringEquals": {
              "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
              "token.actions.githubusercontent.com:sub": "repo:gullwing/routing:environment:production"
            }
          }
        }
      ]
    }
  EOT
}
