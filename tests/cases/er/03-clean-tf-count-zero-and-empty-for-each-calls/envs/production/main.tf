terraform {
  backend "s3" {
    bucket = "mossgiel-terraform-state"
    key    = "ticketing/production.tfstate"
    region = "eu-west-1"
  }
}

provider "aws" {
  region = "eu-west-1"
}

locals {
  account_id = "640213987721"
  region     = "eu-west-1"
  cluster    = "ticketing-prod"
  subnets    = ["subnet-0c4f1e2d3a5b6c7d8", "subnet-0d5a2f3e4b6c7d8e9"]
  sg         = ["sg-0a9b8c7d6e5f40312"]
}

resource "aws_ecs_cluster" "this" {
  name = local.cluster
}

module "deploy_role" {
  source = "../../modules/github-role"

  name       = "ticketing-production-deploy"
  subjects   = ["repo:mossgiel/ticketing:environment:production"]
  account_id = local.account_id
  region     = local.region
  cluster    = local.cluster
  services   = ["ticketing-web"]
  repository = "ticketing"
}

# Pull-request previews are paused until the preview cluster is approved
# (OPS-412). Keep the call so the plan shows nothing to destroy when we
# switch it back on.
module "preview_role" {
  source = "../../modules/github-role"
  count  = 0

  name       = "ticketing-preview-deploy"
  subjects   = ["repo:mossgiel/ticketing:pull_request"]
  account_id = local.account_id
  region     = local.region
  cluster    = local.cluster
  services   = ["ticketing-preview"]
  repository = "ticketing"
}

module "web" {
  source = "../../modules/ecs-service"

  name                    = "ticketing-web"
  cluster_arn             = aws_ecs_cluster.this.arn
  image                   = "640213987721.dkr.ecr.eu-west-1.amazonaws.com/ticketing:2f6d1c8e9a0b7c3d4e5f6a7b8c9d0e1f2a3b4c5d"
  cpu                     = 1024
  memory                  = 2048
  desired_count           = 4
  account_id              = local.account_id
  region                  = local.region
  target_group_arn        = "arn:aws:elasticloadbalancing:eu-west-1:640213987721:targetgroup/ticketing-web/4e1d2c3b4a596877"
  grace_period_seconds    = 120
  circuit_breaker         = true
  minimum_healthy_percent = 100
  maximum_percent         = 200
  subnet_ids              = local.subnets
  security_group_ids      = local.sg

  environment = {
    DJANGO_SETTINGS_MODULE = "ticketing.settings.production"
    ALLOWED_HOSTS          = "tickets.mossgiel.example"
  }
}

# Load-test copies of the web service, one per scenario. Emptied after the
# Q2 load test; re-enable with: for_each = local.load_test_scenarios
module "load_test" {
  source   = "../../modules/ecs-service"
  for_each = {}

  name                    = "ticketing-loadtest-${each.key}"
  cluster_arn             = aws_ecs_cluster.this.arn
  image                   = "640213987721.dkr.ecr.eu-west-1.amazonaws.com/ticketing:latest"
  cpu                     = 256
  memory                  = 512
  desired_count           = 1
  account_id              = local.account_id
  region                  = local.region
  target_group_arn        = "arn:aws:elasticloadbalancing:eu-west-1:640213987721:targetgroup/ticketing-lt/7b6a5c4d3e2f1a09"
  grace_period_seconds    = 0
  circuit_breaker         = false
  minimum_healthy_percent = 100
  maximum_percent         = 100
  subnet_ids              = local.subnets
  security_group_ids      = local.sg

  environment = {
    DJANGO_SETTINGS_MODULE = "ticketing.settings.loadtest"
    LOADTEST_API_TOKEN     = "lt_9f8e7d6c5b4a39281706f5e4d3c2b1a0"
  }
}
