terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.60"
    }
  }
}

provider "aws" {
  region = var.aws_region
}

data "aws_caller_identity" "current" {}

variable "aws_region" {
  type    = string
  default = "eu-north-1"
}

variable "github_repository" {
  type = string
}

variable "deploy_environments" {
  type    = list(string)
  default = ["production"]
}

variable "clusters" {
  description = "GitHub environment => ECS cluster"
  type        = map(string)
}

locals {
  account_id = data.aws_caller_identity.current.account_id

  github_subjects = formatlist("repo:%s:environment:%s", var.github_repository, var.deploy_environments)

  service_arns = formatlist(
    "arn:aws:ecs:%s:%s:service/%s/booking-web",
    var.aws_region,
    local.account_id,
    [for env in var.deploy_environments : var.clusters[env]],
  )
}
