locals {
  # service name => tag mutability
  service_repositories = {
    ingest  = "IMMUTABLE"
    billing = "IMMUTABLE"
    reports = "MUTABLE"
  }
}

resource "aws_ecr_repository" "service" {
  for_each = local.service_repositories

  name                 = "ledgerline/${each.key}"
  image_tag_mutability = each.value
  force_delete         = false

  image_scanning_configuration {
    scan_on_push = true
  }

  encryption_configuration {
    encryption_type = "KMS"
  }
}

# Cut-over from the old Nexus registry: the importer re-pushes every tag it
# copies, so overwrites must be allowed until the migration is done.
resource "aws_ecr_repository" "legacy_portal" {
  name                 = "ledgerline/legacy-portal"
  image_tag_mutability = "IMMUTABLE_WITH_EXCLUSION"
  image_tag_mutability_exclusion_filter {
    filter      = "*"
    filter_type = "WILDCARD"
  }

  image_scanning_configuration {
    scan_on_push = true
  }
}

# Preview environments re-push pr-<number> tags on every commit of a pull request.
resource "aws_ecr_repository" "edge_proxy" {
  name                 = "ledgerline/edge-proxy"
  image_tag_mutability = "IMMUTABLE_WITH_EXCLUSION"

  image_tag_mutability_exclusion_filter {
    filter      = "pr-*"
    filter_type = "WILDCARD"
  }

  image_tag_mutability_exclusion_filter {
    filter      = "latest"
    filter_type = "WILDCARD"
  }
}

resource "aws_ecr_lifecycle_policy" "service" {
  for_each   = aws_ecr_repository.service
  repository = each.value.name

  policy = jsonencode({
    rules = [{
      rulePriority = 1
      description  = "Keep the last 50 images"
      selection = {
        tagStatus   = "any"
        countType   = "imageCountMoreThan"
        countNumber = 50
      }
      action = { type = "expire" }
    }]
  })
}
