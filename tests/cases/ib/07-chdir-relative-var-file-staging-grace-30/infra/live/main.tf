terraform {
  backend "s3" {
    bucket = "kestrel-terraform-state"
    region = "ca-central-1"
  }
}

provider "aws" {
  region = "ca-central-1"
}

module "ingest_api" {
  source = "../modules/api-service"

  name                      = "ingest-api-${var.environment}"
  cluster                   = "kestrel-${var.environment}"
  image                     = "459021837766.dkr.ecr.ca-central-1.amazonaws.com/ingest-api:${var.image_tag}"
  desired_count             = var.desired_count
  target_group_arn          = var.target_group_arn
  health_check_grace_period = var.health_check_grace_period
  subnet_ids                = var.subnet_ids
  security_group_ids        = var.security_group_ids
}
