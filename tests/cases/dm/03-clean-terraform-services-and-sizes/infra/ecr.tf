resource "aws_ecr_repository" "inference" {
  name                 = "quill-inference"
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }
}
