resource "aws_ecr_repository" "checkout_web" {
  name                 = "checkout-web"
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }
}

# BuildKit's registry cache rewrites the `buildcache` tag on every build,
# so this repository has to stay mutable. It never holds a deployable image.
resource "aws_ecr_repository" "checkout_web_cache" {
  name                 = "checkout-web-cache"
  image_tag_mutability = "MUTABLE"
}

resource "aws_ecr_lifecycle_policy" "checkout_web_cache" {
  repository = aws_ecr_repository.checkout_web_cache.name
  policy = jsonencode({
    rules = [{
      rulePriority = 1
      description  = "drop untagged cache layers after 7 days"
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
