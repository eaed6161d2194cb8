terraform {
  backend "s3" {}

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = "eu-west-1"
}

variable "environment" {
  type = string
}

variable "image_tag" {
  type = string
}

variable "desired_count" {
  type    = number
  default = 2
}

variable "subnet_ids" {
  type = list(string)
}

variable "security_group_ids" {
  type = list(string)
}

module "app" {
  source = "./modules/app"

  name               = "settlement-${var.environment}"
  image              = "604118273950.dkr.ecr.eu-west-1.amazonaws.com/settlement:${var.image_tag}"
  desired_count      = var.desired_count
  subnet_ids         = var.subnet_ids
  security_group_ids = var.security_group_ids
}
