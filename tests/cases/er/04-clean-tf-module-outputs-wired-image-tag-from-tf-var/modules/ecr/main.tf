variable "name" {
  type = string
}

resource "aws_ecr_repository" "this" {
  name                 = var.name
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }
}

output "arn" {
  value = aws_ecr_repository.this.arn
}

output "url" {
  value = aws_ecr_repository.this.repository_url
}
