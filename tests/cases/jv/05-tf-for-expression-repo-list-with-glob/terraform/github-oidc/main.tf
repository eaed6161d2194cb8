locals {
  github_org = "quokka-payments"

  # Repositories whose main branch may push to the shared build-cache registry.
  cache_writers = [
    "ledger-api",
    "ledger-worker",
    "payments-web",
    "infra-*", # all the infra-* tooling repos
  ]

  # Services that deploy themselves to ECS from their production environment.
  ecs_services = toset(["ledger-api", "ledger-worker", "payments-web"])
}

resource "aws_iam_openid_connect_provider" "github" {
  url             = "https://token.actions.githubusercontent.com"
  client_id_list  = ["sts.amazonaws.com"]
  thumbprint_list = ["6938fd4d98bab03faadb97b34396831e3780aea1"]
}

resource "aws_iam_role" "build_cache_writer" {
  name = "gha-build-cache-writer"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "MainBranchOfCacheWriters"
        Effect    = "Allow"
        Principal = { Federated = aws_iam_openid_connect_provider.github.arn }
        Action    = "sts:AssumeRoleWithWebIdentity"
        Condition = {
          StringEquals = {
            "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"
          }
          StringLike = {
            "token.actions.githubusercontent.com:sub" = [
              for repo in local.cache_writers : "repo:${local.github_org}/${repo}:ref:refs/heads/main"
            ]
          }
        }
      }
    ]
  })
}

resource "aws_iam_role" "service_deploy" {
  for_each = local.ecs_services

  name = "${each.key}-ecs-deploy"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect    = "Allow"
        Principal = { Federated = aws_iam_openid_connect_provider.github.arn }
        Action    = "sts:AssumeRoleWithWebIdentity"
        Condition = {
          StringEquals = {
            "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"
            "token.actions.githubusercontent.com:sub" = "repo:${local.github_org}/${each.key}:environment:production"
          }
        }
      }
    ]
  })
}
