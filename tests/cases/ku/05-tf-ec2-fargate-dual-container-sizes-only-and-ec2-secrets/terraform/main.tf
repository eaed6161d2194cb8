terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.70"
    }
  }
}

provider "aws" {
  region = "ap-southeast-2"
}

locals {
  account_id = "615203984471"
  registry   = "${local.account_id}.dkr.ecr.ap-southeast-2.amazonaws.com"
  release    = "2025.11.14-b7e21c4"
}

resource "aws_cloudwatch_log_group" "orders" {
  name              = "/ecs/orders"
  retention_in_days = 30
}
