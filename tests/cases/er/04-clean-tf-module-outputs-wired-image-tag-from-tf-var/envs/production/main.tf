terraform {
  backend "s3" {
    bucket = "brightwave-tfstate"
    key    = "ledger-api/production.tfstate"
    region = "us-west-2"
  }
}

provider "aws" {
  region = "us-west-2"
}

module "github_oidc" {
  source = "../../modules/github-oidc"
}

module "ecr" {
  source = "../../modules/ecr"
  name   = "ledger-api"
}

module "image_push_role" {
  source = "../../modules/image-push-role"

  name              = "ledger-api-image-push"
  oidc_provider_arn = module.github_oidc.arn
  subject           = "repo:brightwave/ledger-api:ref:refs/heads/main"
  repository_arn    = module.ecr.arn
}

module "app" {
  source = "../../modules/ecs-app"

  name               = "ledger-api"
  repository_url     = module.ecr.url
  image_tag          = var.image_tag
  region             = "us-west-2"
  target_group_arn   = "arn:aws:elasticloadbalancing:us-west-2:829301746551:targetgroup/ledger-api/3f2e1d0c9b8a7f6e"
  subnet_ids         = ["subnet-0a8e2c4f6b1d3e5a7", "subnet-0b9f3d5a7c2e4f6b8"]
  security_group_ids = ["sg-0e6c4a2b8d0f1e3c5"]
}
