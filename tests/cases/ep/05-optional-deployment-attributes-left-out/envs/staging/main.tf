terraform {
  backend "s3" {
    bucket = "lumenfield-terraform"
    key    = "checkout/staging.tfstate"
    region = "eu-west-1"
  }

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = "eu-west-1"
}

variable "image_tag" {
  type = string
}

data "aws_lb_target_group" "checkout" {
  name = "checkout-staging"
}

module "checkout" {
  source = "../../modules/service"

  name          = "checkout-staging"
  cluster_name  = "lumenfield-staging"
  image         = "284619370553.dkr.ecr.eu-west-1.amazonaws.com/checkout:${var.image_tag}"
  cpu           = 512
  memory        = 1024
  desired_count = 1

  # Faster feedback while the payment sandbox is flaky: no automatic rollback.
  deployment = {
    rollback = false
  }

  secrets = {
    STRIPE_SECRET_KEY = "arn:aws:secretsmanager:eu-west-1:284619370553:secret:checkout/staging/stripe-3kQpZa"
  }

  target_group_arn   = data.aws_lb_target_group.checkout.arn
  subnet_ids         = ["subnet-0e1f2a3b4c5d6e7f8", "subnet-0f2a3b4c5d6e7f809"]
  security_group_ids = ["sg-0a3b4c5d6e7f80912"]
}

module "deploy_role" {
  source = "../../modules/github-deploy-role"

  role_name          = "checkout-staging-deploy"
  github_repository  = "lumenfield/checkout"
  github_environment = "staging"

  ecr_repository_arns = ["arn:aws:ecr:eu-west-1:284619370553:repository/checkout"]
  ecs_cluster_name    = "lumenfield-staging"
  ecs_service_names   = [module.checkout.service_name]
  pass_role_arns      = [module.checkout.execution_role_arn, module.checkout.task_role_arn]
}
