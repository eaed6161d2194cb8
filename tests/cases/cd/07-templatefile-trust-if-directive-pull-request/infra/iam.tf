resource "aws_iam_openid_connect_provider" "github" {
  url             = "https://token.actions.githubusercontent.com"
  client_id_list  = ["sts.amazonaws.com"]
  thumbprint_list = ["6938fd4d98bab03faadb97b34396831e3780aea1"]
}

resource "aws_iam_role" "ingest_ci" {
  name = "ingest-github-ci"
  assume_role_policy = templatefile("${path.module}/templates/github-trust.json.tpl", {
    provider_arn        = aws_iam_openid_connect_provider.github.arn
    repository          = var.repository
    branches            = var.deploy_branches
    allow_pull_requests = var.allow_pull_request_plans
  })
}

resource "aws_iam_role_policy_attachment" "ingest_ci_readonly" {
  role       = aws_iam_role.ingest_ci.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}
