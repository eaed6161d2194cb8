terraform {
  backend "s3" {
    bucket               = "meadowlark-tfstate"
    key                  = "storefront/preview.tfstate"
    workspace_key_prefix = "previews"
    region               = "us-west-2"
  }
}

provider "aws" {
  region = "us-west-2"

  default_tags {
    tags = {
      Preview = terraform.workspace
      Branch  = var.branch
    }
  }
}

variable "image_tag" {
  type = string
}

variable "branch" {
  type = string
}

module "web" {
  source = "../modules/web"

  name               = "storefront-${terraform.workspace}"
  image              = "193847562010.dkr.ecr.us-west-2.amazonaws.com/storefront:${var.image_tag}"
  cluster            = "previews"
  subnet_ids         = ["subnet-0d4c3b2a1f0e9d8c7"]
  security_group_ids = ["sg-0123abcd4567ef890"]
}
