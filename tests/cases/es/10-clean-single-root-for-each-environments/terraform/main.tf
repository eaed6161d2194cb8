terraform {
  required_version = ">= 1.6"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.60"
    }
  }
}

provider "aws" {
  region = local.region
}

locals {
  account_id = "702938416625"
  region     = "us-west-2"
  repository = "lumen-grid/meter-reads"

  # One ECS cluster, one deploy role and one service set per GitHub environment.
  environments = {
    staging = {
      cluster      = "meter-staging"
      reader_cpu   = 1024
      reader_mem   = 8192
      desired      = 1
      target_group = "arn:aws:elasticloadbalancing:us-west-2:702938416625:targetgroup/meter-reads-staging/1c7e3a9f5b2d8064"
    }
    production = {
      cluster      = "meter-production"
      reader_cpu   = 4096
      reader_mem   = 30720
      desired      = 4
      target_group = "arn:aws:elasticloadbalancing:us-west-2:702938416625:targetgroup/meter-reads-prod/8f2b6d0a4c9e1375"
    }
  }
}

module "oidc" {
  source = "../modules/oidc"

  extra_client_ids = ["https://github.com/lumen-grid"]
}

module "deploy_role" {
  source   = "../modules/github-role"
  for_each = local.environments

  name              = "meter-reads-${each.key}-deploy"
  oidc_provider_arn = module.oidc.arn
  repository        = local.repository
  environments      = [each.key]

  account_id       = local.account_id
  region           = local.region
  ecr_repositories = ["meter-reads"]
  cluster_name     = each.value.cluster
  service_names    = ["meter-reads"]
  pass_role_names  = ["meter-reads-${each.key}-execution", "meter-reads-${each.key}-task"]
}

module "meter_reads" {
  source   = "../modules/ecs-service"
  for_each = local.environments

  name          = "meter-reads"
  region        = local.region
  cluster_arn   = "arn:aws:ecs:${local.region}:${local.account_id}:cluster/${each.value.cluster}"
  image         = "${local.account_id}.dkr.ecr.${local.region}.amazonaws.com/meter-reads:2a6d0e4b8f1c5937a0d2e6b4f8c1a3e5d7b9f024"
  cpu           = each.value.reader_cpu
  memory        = each.value.reader_mem
  desired_count = each.value.desired

  execution_role_arn = "arn:aws:iam::${local.account_id}:role/meter-reads-${each.key}-execution"
  task_role_arn      = "arn:aws:iam::${local.account_id}:role/meter-reads-${each.key}-task"
  secrets = {
    TIMESCALE_URL = "arn:aws:ssm:${local.region}:${local.account_id}:parameter/meter-reads/${each.key}/timescale-url"
  }

  target_group_arn   = each.value.target_group
  subnet_ids         = ["subnet-0c1a5e9d3b7f24680", "subnet-0e7b3d1f9a5c28461"]
  security_group_ids = ["sg-0b3f7d1a5e9c26840"]
}
