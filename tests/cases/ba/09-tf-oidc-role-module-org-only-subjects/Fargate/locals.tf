data "aws_caller_identity" "current" {}

locals {
  cluster_name = "github-runners"
}
