terraform {
  required_version = "~> 1.7"

  backend "s3" {
    bucket         = "oakridge-labs-tfstate"
    key            = "ledger/production.tfstate"
    region         = "us-east-1"
    dynamodb_table = "tf-locks"
  }

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.70"
    }
  }
}

provider "aws" {
  region = "us-east-1"
}

variable "image_tag" {
  type = string
}

module "ledger" {
  source = "../../modules/stack"

  app               = "ledger"
  environment       = "prod"
  github_repository = "oakridge-labs/ledger"
  image_tag         = var.image_tag

  cpu           = 1024
  memory        = 2048
  desired_count = 3

  vpc = {
    subnet_ids         = ["subnet-0123abcd4567ef890", "subnet-0234bcde5678fa901"]
    security_group_ids = ["sg-0345cdef6789ab012"]
  }
}

output "deploy_role_arn" {
  value = module.ledger.deploy_role_arn
}
