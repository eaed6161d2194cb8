terraform {
  backend "s3" {
    bucket = "tidewater-tfstate"
    region = "us-west-2"
  }

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.40"
    }
  }
}

provider "aws" {
  region = "us-west-2"
}

variable "environment" {
  type = string
}

variable "image_tag" {
  type = string
}

variable "desired_count" {
  type = number
}

variable "task_cpu" {
  description = "Fargate task CPU units."
  type        = number
}

variable "task_memory" {
  description = "Fargate task memory (MiB)."
  type        = number
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

module "geocoder" {
  source = "./modules/fargate-service"

  name               = "geocoder-${var.environment}"
  cluster_name       = "tidewater-${var.environment}"
  image              = "771203948561.dkr.ecr.us-west-2.amazonaws.com/geocoder:${var.image_tag}"
  container_port     = 3000
  cpu                = var.task_cpu
  memory             = var.task_memory
  desired_count      = var.desired_count
  subnet_ids         = var.subnet_ids
  security_group_ids = var.security_group_ids
  target_group_arn   = var.target_group_arn
}
