terraform {
  backend "s3" {
    bucket = "marram-terraform-state"
    region = "eu-north-1"
  }
}

provider "aws" {
  region = "eu-north-1"
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

variable "health_check_grace_period" {
  type = number
}

variable "circuit_breaker_rollback" {
  type = bool
}

variable "target_group_arn" {
  type = string
}

variable "subnet_ids" {
  type = list(string)
}

variable "security_group_ids" {
  type = list(string)
}

module "scheduler_api" {
  source = "./modules/web-service"

  name                      = "scheduler-api"
  cluster                   = "marram-${var.environment}"
  image                     = "640281937455.dkr.ecr.eu-north-1.amazonaws.com/scheduler-api:${var.image_tag}"
  container_port            = 8080
  desired_count             = var.desired_count
  health_check_grace_period = var.health_check_grace_period
  circuit_breaker_rollback  = var.circuit_breaker_rollback
  target_group_arn          = var.target_group_arn
  subnet_ids                = var.subnet_ids
  security_group_ids        = var.security_group_ids
  execution_role_arn        = "arn:aws:iam::640281937455:role/scheduler-api-${var.environment}-execution"
  task_role_arn             = "arn:aws:iam::640281937455:role/scheduler-api-${var.environment}-task"
}
