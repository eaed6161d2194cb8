data "aws_iam_policy_document" "shared_ci_trust" {
  dynamic "statement" {
    for_each = local.shared_ci_repositories
    iterator = repo

    content {
      sid     = "GitHub${replace(repo.key, "-", "")}"
      effect  = "Allow"
      actions = ["sts:AssumeRoleWithWebIdentity"]

      principals {
        type        = "Federated"
        identifiers = [local.github_provider_arn]
      }

      # Only emit the conditions that have values: IAM rejects a condition
      # with an empty value list.
      dynamic "condition" {
        for_each = {
          for claim, values in {
            aud = ["sts.amazonaws.com"]
            sub = repo.value.subjects
          } : claim => values if length(values) > 0
        }
        iterator = claim

        content {
          test     = claim.key == "sub" ? "StringLike" : "StringEquals"
          variable = "token.actions.githubusercontent.com:${claim.key}"
          values   = claim.value
        }
      }
    }
  }
}

resource "aws_iam_role" "shared_ci" {
  name               = "github-shared-ci"
  assume_role_policy = data.aws_iam_policy_document.shared_ci_trust.json
}

resource "aws_iam_role_policy" "shared_ci" {
  name = "shared-ci-read"
  role = aws_iam_role.shared_ci.id

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
        Sid    = "PullBaseImages"
        Effect = "Allow"
        Action = [
          "ecr:BatchCheckLayerAvailability",
          "ecr:BatchGetImage",
          "ecr:GetDownloadUrlForLayer",
        ]
        Resource = "arn:aws:ecr:us-west-2:${local.account_id}:repository/base/*"
      },
      {
        Sid      = "ReadBuildCache"
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:ListBucket"]
        Resource = ["arn:aws:s3:::corvid-build-cache", "arn:aws:s3:::corvid-build-cache/*"]
      },
    ]
  })
}
