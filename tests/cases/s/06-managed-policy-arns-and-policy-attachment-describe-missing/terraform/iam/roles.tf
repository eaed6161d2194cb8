resource "aws_iam_role" "ci" {
  name = "reader-ci"
  path = "/"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "GithubOidc"
      Effect    = "Allow"
      Principal = { Federated = "arn:aws:iam::463820019375:oidc-provider/token.actions.githubusercontent.com" }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = {
          "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"
          "token.actions.githubusercontent.com:sub" = "repo:quillstone/reader:environment:live"
        }
      }
    }]
  })

  managed_policy_arns = [aws_iam_policy.ecr_push.arn]
}

resource "aws_iam_policy_attachment" "ci_ecs" {
  name       = "reader-ci-ecs"
  roles      = [aws_iam_role.ci.name]
  policy_arn = aws_iam_policy.ecs_deploy.arn
}
