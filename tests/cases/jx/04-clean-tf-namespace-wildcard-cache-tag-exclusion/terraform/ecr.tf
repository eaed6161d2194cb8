resource "aws_ecr_repository" "web" {
  name                 = "storefront/web"
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }
}

# The worker build exports its BuildKit cache to the `buildcache` tag of its own
# repository on every run, so that one tag has to stay mutable.
resource "aws_ecr_repository" "worker" {
  name                 = "storefront/worker"
  image_tag_mutability = "IMMUTABLE_WITH_EXCLUSION"

  image_tag_mutability_exclusion_filter {
    filter      = "buildcache"
    filter_type = "WILDCARD"
  }

  image_scanning_configuration {
    scan_on_push = true
  }
}
