locals {
  mirrors = toset(["python", "node", "postgres"])
}

resource "aws_ecr_repository" "mirror" {
  for_each = local.mirrors

  name = "mirror/${each.key}"
  # Upstream tags such as 3.12-slim-bookworm move with every patch release,
  # and the weekly copy has to overwrite them.
  image_tag_mutability = "MUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }
}

resource "aws_ecr_lifecycle_policy" "mirror" {
  for_each   = aws_ecr_repository.mirror
  repository = each.value.name

  policy = jsonencode({
    rules = [{
      rulePriority = 1
      description  = "Drop superseded untagged manifests"
      selection = {
        tagStatus   = "untagged"
        countType   = "sinceImagePushed"
        countUnit   = "days"
        countNumber = 14
      }
      action = { type = "expire" }
    }]
  })
}

data "aws_iam_policy_document" "org_pull" {
  statement {
    sid    = "OrganizationPull"
    effect = "Allow"

    principals {
      type        = "AWS"
      identifiers = ["*"]
    }

    actions = [
      "ecr:BatchCheckLayerAvailability",
      "ecr:BatchGetImage",
      "ecr:GetDownloadUrlForLayer",
    ]

    condition {
      test     = "StringEquals"
      variable = "aws:PrincipalOrgID"
      values   = ["o-7kq2m9x4ld"]
    }
  }
}

resource "aws_ecr_repository_policy" "mirror" {
  for_each   = aws_ecr_repository.mirror
  repository = each.value.name
  policy     = data.aws_iam_policy_document.org_pull.json
}
