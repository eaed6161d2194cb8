terraform {
  backend "s3" {
    bucket = "orchard-rail-terraform"
    key    = "timetable/production.tfstate"
    region = "ca-central-1"
  }
}

provider "aws" {
  region = "ca-central-1"
}

module "deploy_role" {
  source = "../../modules/gha-role"

  name            = "timetable-production-deploy"
  account_id      = var.account_id
  region          = "ca-central-1"
  github_subjects = var.github_subjects
  cluster         = "timetable-production"
  service         = "timetable"
}
