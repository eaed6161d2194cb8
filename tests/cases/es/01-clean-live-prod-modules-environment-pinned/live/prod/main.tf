terraform {
  required_version = ">= 1.6"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.60"
    }
  }

  backend "s3" {
    bucket         = "tidewater-ops-tfstate-prod"
    key            = "ledger-api/live/prod.tfstate"
    region         = "us-east-2"
    dynamodb_table = "tfstate-locks"
  }
}

provider "aws" {
  region = var.region
}

module "oidc" {
  source = "../../modules/oidc"

  tags = { Team = "platform" }
}

module "ledger_api_deploy_role" {
  source = "../../modules/github-role"

  name              = "ledger-api-deploy"
  oidc_provider_arn = module.oidc.arn
  repository        = "tidewater-ops/ledger-api"
  environments      = ["production"]

  account_id       = var.account_id
  region           = var.region
  ecr_repositories = ["ledger-api"]
  cluster_name     = "ledger-prod"
  service_names    = [module.ledger_api.service_name]
  pass_role_names  = ["ledger-api-execution", "ledger-api-task"]
}

module "ledger_api" {
  source = "../../modules/ecs-service"

  name        = "ledger-api"
  region      = var.region
  cluster_arn = "arn:aws:ecs:${var.region}:${var.account_id}:cluster/ledger-prod"
  image       = "${var.account_id}.dkr.ecr.${var.region}.amazonaws.com/ledger-api:${var.bootstrap_image_tag}"
  cpu         = 1024
  memory      = 2048

  execution_role_arn = "arn:aws:iam::${var.account_id}:role/ledger-api-execution"
  task_role_arn      = "arn:aws:iam::${var.account_id}:role/ledger-api-task"

  environment = {
    LEDGER_LOG_LEVEL = "info"
  }
  secrets = {
    DATABASE_URL = "arn:aws:secretsmanager:us-east-2:402215667801:secret:ledger-api/database-url-T4kq9z"
  }

  target_group_arn   = var.target_group_arn
  subnet_ids         = var.private_subnet_ids
  security_group_ids = [var.service_security_group_id]
}
