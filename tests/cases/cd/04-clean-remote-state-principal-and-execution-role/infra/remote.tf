data "terraform_remote_state" "platform" {
  backend = "s3"

  config = {
    bucket = "corvid-tfstate-prod"
    key    = "platform/terraform.tfstate"
    region = "eu-west-3"
  }
}

locals {
  platform = data.terraform_remote_state.platform.outputs
}

variable "image_repository" {
  description = "ECR repository URL, passed by the release job"
  type        = string
}

variable "image_tag" {
  description = "Git SHA of the release"
  type        = string
}
