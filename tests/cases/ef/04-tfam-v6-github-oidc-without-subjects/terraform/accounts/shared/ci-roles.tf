# Read-only role for the nightly drift detection workflow.
module "drift_detect_role" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-role"
  version = "~> 6.0"

  name            = "github-drift-detect"
  use_name_prefix = false
  description     = "terraform plan -detailed-exitcode from GitHub Actions"

  enable_github_oidc = true

  policies = {
    ReadOnlyAccess = "arn:aws:iam::aws:policy/ReadOnlyAccess"
  }
}

# Image builds on main of every service repository push to the shared ECR registry.
module "image_build_role" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-role"
  version = "~> 6.0"

  name            = "github-image-build"
  use_name_prefix = false

  enable_github_oidc     = true
  oidc_wildcard_subjects = ["brightwell-ag/*:ref:refs/heads/main"]

  policies = {
    EcrPowerUser = "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPowerUser"
  }
}
