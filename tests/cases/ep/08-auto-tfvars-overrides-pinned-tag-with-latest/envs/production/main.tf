terraform {
  required_version = ">= 1.6"

  backend "s3" {
    bucket = "copperleaf-tfstate-ca"
    key    = "storefront/production.tfstate"
    region = "ca-central-1"
  }

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

variable "image_tag" {
  description = "Storefront image tag; the release PR bot writes it to release.auto.tfvars."
  type        = string
}

variable "desired_count" {
  type = number
}

variable "task_size" {
  type = object({
    cpu    = number
    memory = number
  })
}

data "aws_lb_target_group" "web" {
  name = "storefront-production"
}

module "web" {
  source = "../../modules/web"

  name          = "storefront-production"
  cluster_name  = "copperleaf-production"
  image         = "125836947021.dkr.ecr.ca-central-1.amazonaws.com/storefront:${var.image_tag}"
  cpu           = var.task_size.cpu
  memory        = var.task_size.memory
  desired_count = var.desired_count

  environment = {
    RAILS_ENV = "production"
  }
  secrets = {
    SECRET_KEY_BASE = "arn:aws:secretsmanager:ca-central-1:125836947021:secret:storefront/production/secret-key-base-Hn2wQe"
  }

  target_group_arn   = data.aws_lb_target_group.web.arn
  subnet_ids         = ["subnet-0f0e0d0c0b0a09081", "subnet-0e0d0c0b0a0908172"]
  security_group_ids = ["sg-0d0c0b0a090817263"]
}
