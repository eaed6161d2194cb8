terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.40"
    }
  }
}

provider "aws" {
  region = "ca-central-1"
}

variable "storefront_image_tag" {
  type = string
}

variable "storefront_target_group_arn" {
  type = string
}

variable "private_subnet_ids" {
  type = list(string)
}

variable "app_security_group_id" {
  type = string
}

locals {
  account_id = "652018374411"
}

resource "aws_ecs_cluster" "shop" {
  name = "shop"
}

module "storefront" {
  source = "./modules/ecs-app"

  name       = "storefront"
  cluster_id = aws_ecs_cluster.shop.id
  image      = "${local.account_id}.dkr.ecr.ca-central-1.amazonaws.com/storefront:${var.storefront_image_tag}"

  environment = {
    NODE_ENV             = "production"
    PUBLIC_ASSET_HOST    = "https://cdn.halcyon-retail.example"
    CHECKOUT_API_URL     = "https://checkout.internal.halcyon-retail.example"
    ORDER_ALERTS_WEBHOOK = "https://hooks.slack.com/services/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"
    LOG_LEVEL            = "info"
  }

  secrets = {
    SESSION_SECRET = "arn:aws:secretsmanager:ca-central-1:${local.account_id}:secret:storefront/session-secret-7yQm2c"
    STRIPE_API_KEY = "arn:aws:secretsmanager:ca-central-1:${local.account_id}:secret:storefront/stripe-api-key-Pz31Lw"
  }

  datadog_api_key_secret_arn = "arn:aws:secretsmanager:ca-central-1:${local.account_id}:secret:datadog/api-key-a8Fh2D"

  execution_role_arn = "arn:aws:iam::${local.account_id}:role/storefront-execution"
  task_role_arn      = "arn:aws:iam::${local.account_id}:role/storefront-task"
  target_group_arn   = var.storefront_target_group_arn
  subnet_ids         = var.private_subnet_ids
  security_group_ids = [var.app_security_group_id]
}
