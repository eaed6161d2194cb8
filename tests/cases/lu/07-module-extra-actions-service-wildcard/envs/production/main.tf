terraform {
  backend "s3" {
    bucket = "harbor-lights-tfstate"
    key    = "github-deployers/production.tfstate"
    region = "us-east-2"
  }
}

module "checkout_deployer" {
  source = "../../modules/gha-ecs-deployer"

  name              = "checkout-gha-deploy"
  account_id        = "845120379661"
  region            = "us-east-2"
  github_repository = "harbor-lights/checkout"
  ecr_repository    = "checkout"
  extra_actions     = ["ecs:*", "logs:*"] # TODO: narrow once deploys are stable
  cluster           = "commerce-prod"
  task_role_names   = ["checkout-execution", "checkout-task"]
}
