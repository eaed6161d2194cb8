data "aws_caller_identity" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  region     = "us-east-1"
  cluster    = "media"

  # repository => branches that may push and deploy from CI
  services = {
    encoder     = ["main"]
    thumbnailer = ["main", "release/*"]
  }

  github_subjects = flatten([
    for repo, branches in local.services : [
      for branch in branches : "repo:pinecrest-media/${repo}:ref:refs/heads/${branch}"
    ]
  ])
}

resource "aws_iam_role" "media_ci" {
  name = "media-github-ci"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Allow"
        Principal = {
          Federated = "arn:aws:iam::${local.account_id}:oidc-provider/token.actions.githubusercontent.com"
        }
        Action = "sts:AssumeRoleWithWebIdentity"
        Condition = {
          StringEquals = {
            "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"
          }
          StringLike = {
            "token.actions.githubusercontent.com:sub" = local.github_subjects
          }
        }
      }
    ]
  })
}

resource "aws_ecr_repository" "service" {
  for_each = local.services

  name                 = each.key
  image_tag_mutability = "IMMUTABLE"
}

resource "aws_iam_role_policy" "media_ci" {
  name = "media-ci"
  role = aws_iam_role.media_ci.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = concat(
      [
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
            "ecr:CompleteLayerUpload",
            "ecr:InitiateLayerUpload",
            "ecr:PutImage",
            "ecr:UploadLayerPart",
          ]
          Resource = [for name in keys(local.services) : "arn:aws:ecr:${local.region}:${local.account_id}:repository/${name}"]
        },
        {
          Sid      = "RegisterTaskDefinitions"
          Effect   = "Allow"
          Action   = "ecs:RegisterTaskDefinition"
          Resource = [for name in keys(local.services) : "arn:aws:ecs:${local.region}:${local.account_id}:task-definition/${name}:*"]
        },
        {
          Sid    = "PassTaskRoles"
          Effect = "Allow"
          Action = "iam:PassRole"
          Resource = flatten([
            for name in keys(local.services) : [
              for kind in ["execution", "task"] : "arn:aws:iam::${local.account_id}:role/${name}-${kind}"
            ]
          ])
          Condition = {
            StringEquals = { "iam:PassedToService" = "ecs-tasks.amazonaws.com" }
          }
        },
      ],
      [
        for name in keys(local.services) : {
          Effect   = "Allow"
          Action   = ["ecs:DescribeServices", "ecs:UpdateService"]
          Resource = "arn:aws:ecs:${local.region}:${local.account_id}:service/${local.cluster}/${name}"
        }
      ]
    )
  })
}
