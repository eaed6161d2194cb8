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
  region = "ap-southeast-2"
}

variable "image_tag" {
  description = "Commit SHA built by CI"
  type        = string
}

locals {
  registry       = "209384756120.dkr.ecr.ap-southeast-2.amazonaws.com"
  execution_role = "arn:aws:iam::209384756120:role/maps-ecs-execution"
}
