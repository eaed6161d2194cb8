resource "aws_ecr_repository" "booking" {
  name                 = "booking"
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }
}

resource "aws_ecr_lifecycle_policy" "booking" {
  repository = aws_ecr_repository.booking.name

  policy = jsonencode({
    rules = [
      {
        rulePriority = 1
        description  = "keep release tags"
        selection = {
          tagStatus      = "tagged"
          tagPatternList = ["v*"]
          countType      = "imageCountMoreThan"
          countNumber    = 200
        }
        action = { type = "expire" }
      },
      {
        rulePriority = 2
        description  = "commit builds expire after 30 days"
        selection = {
          tagStatus   = "any"
          countType   = "sinceImagePushed"
          countUnit   = "days"
          countNumber = 30
        }
        action = { type = "expire" }
      }
    ]
  })
}
