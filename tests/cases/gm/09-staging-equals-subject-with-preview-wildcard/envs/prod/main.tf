variable "image_tag" {
  description = "Image tag of the first revision (make plan IMAGE_TAG=<sha>)."
  type        = string
}

locals {
  account_id   = "619402837150"
  region       = "eu-west-1"
  cluster_name = "saltmarsh-prod"
  service      = "inventory-api-prod"
}

module "service" {
  source = "../../modules/ecs-service"

  name                 = "inventory-api"
  environment          = "prod"
  cluster_name         = local.cluster_name
  image_repository_url = "${local.account_id}.dkr.ecr.${local.region}.amazonaws.com/inventory-api"
  image_tag            = var.image_tag

  environment_variables = {
    APP_ENV   = "prod"
    LOG_LEVEL = "info"
  }
  secrets = {
    DATABASE_URL = "arn:aws:secretsmanager:eu-west-1:619402837150:secret:inventory-api/prod/database-url-Qm3x9Z"
  }

  target_group_arn   = "arn:aws:elasticloadbalancing:eu-west-1:619402837150:targetgroup/inventory-api-prod/9a1b2c3d4e5f6a7b"
  subnet_ids         = ["subnet-0a7d3c1e5f9b2d486", "subnet-0f2e4a6c8b1d3e5f7"]
  security_group_ids = ["sg-0e1f3a5c7d9b2e4f6"]
}

module "deploy_role" {
  source = "../../modules/github-oidc-role"

  role_name       = "inventory-api-prod-deploy"
  account_id      = local.account_id
  github_subjects = ["repo:saltmarsh/inventory-api:environment:production"]

  ecr_repository_arns = ["arn:aws:ecr:eu-west-1:619402837150:repository/inventory-api"]
  ecs_service_arns    = ["arn:aws:ecs:eu-west-1:619402837150:service/saltmarsh-prod/inventory-api-prod"]
  pass_role_arns = [
    module.service.execution_role_arn,
    module.service.task_role_arn,
  ]
}
