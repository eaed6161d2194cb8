terraform {
  required_version = ">= 1.6"

  backend "s3" {
    bucket         = "quarry-analytics-terraform"
    key            = "invoice-hub/production.tfstate"
    region         = "us-east-2"
    dynamodb_table = "terraform-locks"
  }
}

provider "aws" {
  region = var.region
}

resource "aws_ecs_cluster" "main" {
  name = "invoice-hub"
}

module "web" {
  source = "../../modules/service"

  name               = "invoice-hub"
  cluster_id         = aws_ecs_cluster.main.id
  image              = var.image
  cpu                = 512
  memory             = 1024
  desired_count      = 2
  execution_role_arn = "arn:aws:iam::${var.account_id}:role/invoice-hub-execution"
  task_role_arn      = "arn:aws:iam::${var.account_id}:role/invoice-hub-task"

  environment = {
    NODE_ENV       = "production"
    INVOICE_BUCKET = "quarry-analytics-invoices-prod"
  }

  secrets = {
    DATABASE_URL   = "arn:aws:secretsmanager:us-east-2:731265409118:secret:invoice-hub/database-url-Qm3xT9"
    STRIPE_API_KEY = "arn:aws:secretsmanager:us-east-2:731265409118:secret:invoice-hub/stripe-api-key-Lp0wZ4"
  }

  target_group_arn                  = var.target_group_arn
  health_check_grace_period_seconds = 90
  circuit_breaker_rollback          = true
  subnet_ids                        = var.private_subnet_ids
  security_group_ids                = [var.service_security_group_id]
  region                            = var.region
}

module "deploy_role" {
  source = "../../modules/deploy-role"

  role_name         = "invoice-hub-production-deploy"
  oidc_provider_arn = "arn:aws:iam::${var.account_id}:oidc-provider/token.actions.githubusercontent.com"
  github_subjects   = var.github_subjects
  repository_arn    = "arn:aws:ecr:${var.region}:${var.account_id}:repository/invoice-hub"
  cluster_name      = aws_ecs_cluster.main.name
  service_names     = ["invoice-hub"]
  task_families     = ["invoice-hub"]
  pass_role_arns = [
    "arn:aws:iam::${var.account_id}:role/invoice-hub-execution",
    "arn:aws:iam::${var.account_id}:role/invoice-hub-task",
  ]
  region     = var.region
  account_id = var.account_id
}
