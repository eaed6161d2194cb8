terraform {
  required_version = ">= 1.7"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.70"
    }
  }
}

provider "aws" {
  region = "us-west-2"
}

locals {
  account_id = "738402915566"
  region     = "us-west-2"
  app        = "leaderboard"
}

variable "vpc_private_subnets" {
  type = list(string)
}

variable "app_security_group_id" {
  type = string
}
