terraform {
  required_version = ">= 1.5"
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 5.40" }
  }
}

provider "aws" {
  region = var.region
}

variable "region" {
  type    = string
  default = "us-west-2"
}

variable "image_tag" {
  type        = string
  description = "Git SHA of the analytics image, passed by the deploy job"
}

data "aws_caller_identity" "current" {}

locals {
  repo_url      = "${data.aws_caller_identity.current.account_id}.dkr.ecr.${var.region}.amazonaws.com/analytics"
  execution_arn = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/analytics-execution"
  task_arn      = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/analytics-task"

  log_options = {
    awslogs-group  = "/ecs/analytics"
    awslogs-region = var.region
  }
}
