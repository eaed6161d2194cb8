terraform {
  required_version = ">= 1.6"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.60"
    }
  }

  backend "s3" {
    bucket = "quayside-terraform-state"
    key    = "settlement-api/production.tfstate"
    region = "eu-west-2"
  }
}

provider "aws" {
  region = local.region

  default_tags {
    tags = {
      Service   = "settlement-api"
      ManagedBy = "terraform"
    }
  }
}

locals {
  account_id   = "284716390552"
  region       = "eu-west-2"
  name         = "settlement-api"
  cluster_name = "settlement"
  github_repo  = "quayside-fin/settlement-api"
}

variable "image_tag" {
  description = "Image of the first revision only: the pipeline registers every later revision"
  type        = string
}

variable "private_subnet_ids" {
  type = list(string)
}

variable "service_security_group_id" {
  type = string
}

variable "target_group_arn" {
  type = string
}
