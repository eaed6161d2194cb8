provider "aws" {
  region = var.region
}

data "aws_caller_identity" "current" {}

locals {
  prefix     = "${var.product}-${var.environment}"
  account_id = data.aws_caller_identity.current.account_id
  registry   = "${local.account_id}.dkr.ecr.${var.region}.amazonaws.com"
}
