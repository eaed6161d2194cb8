locals {
  # one repository per pipeline stage; "export" was added in PLAT-412
  stages = toset(["ingest", "enrich", "export"])
}

resource "aws_ecr_repository" "stage" {
  for_each = local.stages

  name                 = "pipeline/${each.key}"
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }

  encryption_configuration {
    encryption_type = "KMS"
  }

  tags = {
    Service = "pipeline-${each.key}"
  }
}

resource "aws_ecr_lifecycle_policy" "stage" {
  for_each   = aws_ecr_repository.stage
  repository = each.value.name

  policy = jsonencode({
    rules = [{
      rulePriority = 1
      description  = "expire untagged images after 7 days"
      selection = {
        tagStatus   = "untagged"
        countType   = "sinceImagePushed"
        countUnit   = "days"
        countNumber = 7
      }
      action = { type = "expire" }
    }]
  })
}
