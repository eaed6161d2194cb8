resource "aws_ecr_repository" "invoice_renderer" {
  name                 = "invoice-renderer"
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }

  encryption_configuration {
    encryption_type = "KMS"
  }
}
