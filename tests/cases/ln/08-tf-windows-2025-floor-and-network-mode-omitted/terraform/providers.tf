terraform {
  backend "s3" {
    bucket = "contoso-freight-tfstate"
    key    = "ecs/apps.tfstate"
    region = "us-east-1"
  }
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.80"
    }
  }
}

provider "aws" {
  region = "us-east-1"
}

data "aws_iam_role" "ecs_execution" {
  name = "freight-ecs-execution"
}
