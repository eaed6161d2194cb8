terraform {
  required_version = ">= 1.6"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.60"
    }
  }
  backend "s3" {
    bucket = "copperline-terraform-state"
    key    = "tariff-svc/terraform.tfstate"
    region = "eu-west-2"
  }
}

provider "aws" {
  region = local.region
}

locals {
  account_id  = "583920174638"
  region      = "eu-west-2"
  github_repo = "copperline-energy/tariff-svc"
}

variable "image_tag" {
  description = "Tag of the first image; CI registers every later revision."
  type        = string
  default     = "initial"
}

variable "private_subnet_ids" {
  type = list(string)
}

variable "service_security_group_id" {
  type = string
}

variable "target_group_arns" {
  type = map(string)
}
