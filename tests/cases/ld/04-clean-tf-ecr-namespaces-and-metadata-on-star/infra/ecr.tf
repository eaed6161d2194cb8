resource "aws_ecr_repository" "app" {
  for_each = toset(["tidewatch/api", "tidewatch/scheduler"])

  name                 = each.key
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }
}

# Docker Hub images are pulled through the cache under docker-hub/...
resource "aws_ecr_pull_through_cache_rule" "docker_hub" {
  ecr_repository_prefix = "docker-hub"
  upstream_registry_url = "registry-1.docker.io"
  credential_arn        = "arn:aws:secretsmanager:ap-southeast-2:907315264411:secret:ecr-pullthroughcache/docker-hub-b7Xq2L"
}
