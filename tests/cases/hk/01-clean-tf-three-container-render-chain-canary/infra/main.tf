terraform {
  required_version = ">= 1.6"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.60"
    }
  }
}

provider "aws" {
  region = "us-east-2"
}

data "aws_caller_identity" "current" {}

locals {
  region     = "us-east-2"
  account_id = data.aws_caller_identity.current.account_id
  cluster    = "logistics-prod"
}

variable "vpc_id" {
  type = string
}

variable "private_subnet_ids" {
  type = list(string)
}

variable "prod_listener_arn" {
  type = string
}

variable "test_listener_arn" {
  type = string
}
