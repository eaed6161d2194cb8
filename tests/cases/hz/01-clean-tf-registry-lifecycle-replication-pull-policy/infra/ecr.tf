resource "aws_ecr_repository" "routing" {
  name                 = local.service_name
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }

  encryption_configuration {
    encryption_type = "AES256"
  }
}

resource "aws_ecr_lifecycle_policy" "routing" {
  repository = aws_ecr_repository.routing.name

  policy = jsonencode({
    rules = [
      {
        rulePriority = 1
        description  = "Drop untagged layers left by multi-stage builds after a week"
        selection = {
          tagStatus   = "untagged"
          countType   = "sinceImagePushed"
          countUnit   = "days"
          countNumber = 7
        }
        action = { type = "expire" }
      },
      {
        rulePriority = 2
        description  = "Keep the last 60 commit images (rollback window)"
        selection = {
          tagStatus     = "tagged"
          tagPrefixList = ["sha-"]
          countType     = "imageCountMoreThan"
          countNumber   = 60
        }
        action = { type = "expire" }
      }
    ]
  })
}

data "aws_iam_policy_document" "routing_repository" {
  statement {
    sid    = "BatchAccountsPull"
    effect = "Allow"

    principals {
      type        = "AWS"
      identifiers = [for id in var.batch_account_ids : "arn:aws:iam::${id}:root"]
    }

    actions = [
      "ecr:BatchCheckLayerAvailability",
      "ecr:BatchGetImage",
      "ecr:GetDownloadUrlForLayer",
    ]
  }
}

resource "aws_ecr_repository_policy" "routing" {
  repository = aws_ecr_repository.routing.name
  policy     = data.aws_iam_policy_document.routing_repository.json
}

# Same-account copy in us-west-2 for the DR cluster; ECR creates the replica
# repository on the first replicated push.
resource "aws_ecr_replication_configuration" "dr" {
  replication_configuration {
    rule {
      destination {
        region      = "us-west-2"
        registry_id = local.account_id
      }

      repository_filter {
        filter      = local.service_name
        filter_type = "PREFIX_MATCH"
      }
    }
  }
}
