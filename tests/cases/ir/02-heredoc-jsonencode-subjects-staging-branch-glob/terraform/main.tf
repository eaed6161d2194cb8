terraform {
  required_version = ">= 1.6"

  backend "s3" {
    bucket         = "halyard-pay-terraform-state"
    region         = "eu-west-2"
    dynamodb_table = "terraform-locks"
  }

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.60"
    }
  }
}

provider "aws" {
  region = var.region

  default_tags {
    tags = {
      Service     = "ledger"
      Environment = var.environment
    }
  }
}

variable "region" {
  type    = string
  default = "eu-west-2"
}

variable "account_id" {
  type    = string
  default = "552019384710"
}

variable "environment" {
  type = string
}

variable "image_tag" {
  description = "Commit SHA of the image to run (set by CI with -var)."
  type        = string
}

variable "desired_count" {
  type    = number
  default = 2
}

variable "github_subjects" {
  description = "OIDC sub values allowed to assume the deploy role of this environment."
  type        = list(string)
}

variable "subnet_ids" {
  type = list(string)
}

variable "security_group_ids" {
  type = list(string)
}

variable "target_group_arn" {
  type = string
}
