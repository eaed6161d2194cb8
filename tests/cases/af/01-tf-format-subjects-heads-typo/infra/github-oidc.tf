variable "github_repository" {
  description = "OWNER/REPO of the service repository"
  type        = string
  default     = "lumen-freight/tracker"
}

variable "deploy_branches" {
  description = "Branches allowed to push release images"
  type        = list(string)
  default     = ["main"]
}

variable "deploy_tags" {
  description = "Tag patterns allowed to push release images"
  type        = list(string)
  default     = ["v*"]
}

variable "ci_repositories" {
  description = "Repositories whose CI may read and write the shared build cache"
  type        = list(string)
  default     = ["lumen-freight/tracker", "lumen-freight/tracker-ui"]
}

locals {
  repo_branch_refs = [for ref in var.deploy_branches : format("repo:%s:ref:heads/%s", var.github_repository, ref)]
  repo_tag_refs    = [for ref in var.deploy_tags : format("repo:%s:ref:tags/%s", var.github_repository, ref)]
}

resource "aws_iam_openid_connect_provider" "github" {
  url            = "https://token.actions.githubusercontent.com"
  client_id_list = ["sts.amazonaws.com"]
}

data "aws_iam_policy_document" "image_push_trust" {
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.github.arn]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values   = concat(local.repo_branch_refs, local.repo_tag_refs)
    }
  }
}

data "aws_iam_policy_document" "ci_cache_trust" {
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.github.arn]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values   = formatlist("repo:%s:*", var.ci_repositories)
    }
  }
}

resource "aws_ecr_repository" "tracker" {
  name                 = "tracker"
  image_tag_mutability = "IMMUTABLE"
}

resource "aws_iam_role" "image_push" {
  name               = "tracker-image-push"
  assume_role_policy = data.aws_iam_policy_document.image_push_trust.json
}

resource "aws_iam_role_policy" "image_push" {
  name = "ecr-push"
  role = aws_iam_role.image_push.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = "ecr:GetAuthorizationToken"
        Resource = "*"
      },
      {
        Effect = "Allow"
        Action = [
          "ecr:BatchCheckLayerAvailability",
          "ecr:InitiateLayerUpload",
          "ecr:UploadLayerPart",
          "ecr:CompleteLayerUpload",
          "ecr:PutImage",
          "ecr:BatchGetImage",
        ]
        Resource = aws_ecr_repository.tracker.arn
      },
    ]
  })
}

resource "aws_iam_role" "ci_cache" {
  name               = "tracker-ci-cache"
  assume_role_policy = data.aws_iam_policy_document.ci_cache_trust.json
}
