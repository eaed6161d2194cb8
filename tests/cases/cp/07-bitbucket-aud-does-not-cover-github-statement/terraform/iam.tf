locals {
  account_id        = "739201846528"
  bitbucket_issuer  = "api.bitbucket.org/2.0/workspaces/lumen-retail/pipelines-config/identity/oidc"
  bitbucket_aud     = "ari:cloud:bitbucket::workspace/5d1e8a44-2b7c-4f1e-9a30-6c8d2e7f0b19"
  storefront_repo   = "{a2f4c6e8-1b3d-4f5a-8c7e-9d0b2a4c6e81}"
}

# Legacy Bitbucket pipelines still publish the static assets; GitHub Actions deploys the service.
resource "aws_iam_role" "storefront_deploy" {
  name = "storefront-deploy"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "BitbucketPipelines"
        Effect = "Allow"
        Principal = {
          Federated = "arn:aws:iam::${local.account_id}:oidc-provider/${local.bitbucket_issuer}"
        }
        Action = "sts:AssumeRoleWithWebIdentity"
        Condition = {
          StringEquals = {
            "${local.bitbucket_issuer}:aud" = local.bitbucket_aud
          }
          StringLike = {
            "${local.bitbucket_issuer}:sub" = "${local.storefront_repo}:*"
          }
        }
      },
      {
        Sid    = "GitHubActions"
        Effect = "Allow"
        Principal = {
          Federated = "arn:aws:iam::${local.account_id}:oidc-provider/token.actions.githubusercontent.com"
        }
        Action = "sts:AssumeRoleWithWebIdentity"
        Condition = {
          StringEquals = {
            "token.actions.githubusercontent.com:sub" = "repo:lumen-retail/storefront:environment:production"
          }
        }
      },
    ]
  })
}

resource "aws_iam_role" "assets_publish" {
  name = "storefront-assets-publish"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Allow"
        Principal = {
          Federated = "arn:aws:iam::${local.account_id}:oidc-provider/${local.bitbucket_issuer}"
        }
        Action = "sts:AssumeRoleWithWebIdentity"
        Condition = {
          StringEquals = {
            "${local.bitbucket_issuer}:aud" = local.bitbucket_aud
          }
        }
      },
    ]
  })
}
