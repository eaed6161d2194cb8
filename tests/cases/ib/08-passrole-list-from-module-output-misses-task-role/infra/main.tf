terraform {
  backend "s3" {
    bucket = "copperleaf-tf-state"
    key    = "orders/infra.tfstate"
    region = "us-west-2"
  }
}

provider "aws" {
  region = "us-west-2"
}

module "orders" {
  source = "./modules/ecs-app"

  name               = "orders"
  cluster            = "copperleaf-prod"
  target_group_arn   = "arn:aws:elasticloadbalancing:us-west-2:552201984736:targetgroup/orders/0a1b2c3d4e5f6a7b"
  subnet_ids         = ["subnet-0aa0bb0cc0dd0ee0f", "subnet-0ff0ee0dd0cc0bb0a"]
  security_group_ids = ["sg-0123456789abcdef1"]
}

module "github_deploy" {
  source = "./modules/github-deploy-role"

  name       = "orders-gha-deploy"
  account_id = "552201984736"
  region     = "us-west-2"
  subject    = "repo:copperleaf/orders:environment:production"

  ecr_repository = "orders"
  cluster        = "copperleaf-prod"
  service        = module.orders.service_name
  task_family    = "orders"

  passable_role_arns = [
    module.orders.execution_role_arn,
  ]
}
