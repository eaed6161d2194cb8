terraform {
  backend "s3" {
    bucket = "orchard-rail-terraform"
    key    = "timetable/staging.tfstate"
    region = "ca-central-1"
  }
}

provider "aws" {
  region = "ca-central-1"
}

module "deploy_role" {
  source = "../../modules/gha-role"

  name            = "timetable-staging-deploy"
  account_id      = var.account_id
  region          = "ca-central-1"
  github_subjects = var.github_subjects
  cluster         = "timetable-staging"
  service         = "timetable"
}
