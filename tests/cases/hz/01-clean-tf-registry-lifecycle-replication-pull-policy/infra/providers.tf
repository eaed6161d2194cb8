terraform {
  required_version = ">= 1.6"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.60"
    }
  }

  backend "s3" {
    bucket         = "kelpfield-terraform-state"
    key            = "routing-engine/registry-and-ci.tfstate"
    region         = "us-east-1"
    dynamodb_table = "terraform-locks"
    encrypt        = true
  }
}

provider "aws" {
  region = "us-east-1"

  default_tags {
    tags = {
      Service   = "routing-engine"
      ManagedBy = "terraform"
    }
  }
}

locals {
  account_id   = "381492650173"
  region       = "us-east-1"
  github_repo  = "kelpfield/routing-engine"
  service_name = "routing-engine"
}

variable "batch_account_ids" {
  description = "Accounts whose AWS Batch jobs run the routing-engine image for nightly re-optimisation"
  type        = list(string)
  default     = ["604857193826"]
}
