terraform {
  required_version = ">= 1.6"

  backend "s3" {
    bucket         = "mossgate-terraform-state"
    key            = "orders/production.tfstate"
    region         = "eu-west-1"
    dynamodb_table = "terraform-locks"
    encrypt        = true
  }

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.80"
    }
  }
}

provider "aws" {
  region = "eu-west-1"
}

variable "db_password" {
  type      = string
  sensitive = true
}

module "orders" {
  source = "../../modules/orders-service"

  environment        = "production"
  cluster_name       = "mossgate-production"
  image_tag          = "9e1b3c5d7f9a1b3c5d7e9f1a3b5c7d9e1f3a5b7c"
  db_host            = "orders.cluster-c1x2y3z4.eu-west-1.rds.amazonaws.com"
  db_password        = var.db_password
  private_subnet_ids = ["subnet-0a9b8c7d6e5f40312", "subnet-0b8c7d6e5f4031223"]
  security_group_ids = ["sg-0c7d6e5f403122334"]
  target_group_arn   = "arn:aws:elasticloadbalancing:eu-west-1:502781934665:targetgroup/orders-production/1a2b3c4d5e6f7a8b"
}
