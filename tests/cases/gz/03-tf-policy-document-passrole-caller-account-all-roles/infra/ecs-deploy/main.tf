terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.40"
    }
  }
}

data "aws_caller_identity" "current" {}
data "aws_region" "current" {}

locals {
  account_id = data.aws_caller_identity.current.account_id
  region     = data.aws_region.current.name
}

variable "service_name" {
  type    = string
  default = "ledger-sync"
}

variable "cluster_name" {
  type    = string
  default = "finops-prod"
}

variable "github_repository" {
  type    = string
  default = "northwind-fin/ledger-sync"
}
