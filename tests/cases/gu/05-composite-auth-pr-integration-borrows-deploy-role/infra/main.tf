terraform {
  backend "s3" {
    bucket = "harborline-terraform-state"
    key    = "dispatch-svc/terraform.tfstate"
    region = "ap-southeast-2"
  }
}

provider "aws" {
  region = "ap-southeast-2"
}

resource "aws_sqs_queue" "dispatch" {
  name                       = "dispatch-production"
  visibility_timeout_seconds = 60
}
