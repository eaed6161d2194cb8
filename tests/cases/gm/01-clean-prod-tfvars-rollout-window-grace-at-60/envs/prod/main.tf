variable "image_tag" {
  description = "Image tag of the first revision (make plan IMAGE_TAG=<sha>)."
  type        = string
}

variable "desired_count" {
  type = number
}

variable "deployment_minimum_healthy_percent" {
  type = number
}

variable "deployment_maximum_percent" {
  type = number
}

variable "health_check_grace_period_seconds" {
  type = number
}

locals {
  account_id   = "418273645091"
  region       = "eu-west-1"
  cluster_name = "tidewater-prod"
  service      = "orders-api-prod"
}

module "service" {
  source = "../../modules/ecs-service"

  name                 = "orders-api"
  environment          = "prod"
  cluster_name         = local.cluster_name
  image_repository_url = "${local.account_id}.dkr.ecr.${local.region}.amazonaws.com/orders-api"
  image_tag            = var.image_tag

  environment_variables = {
    APP_ENV   = "prod"
    LOG_LEVEL = "info"
  }
  secrets = {
    DATABASE_URL = "arn:aws:secretsmanager:eu-west-1:418273645091:secret:orders-api/prod/database-url-Qm3x9Z"
  }

  desired_count                      = var.desired_count
  deployment_minimum_healthy_percent = var.deployment_minimum_healthy_percent
  deployment_maximum_percent         = var.deployment_maximum_percent
  health_check_grace_period_seconds  = var.health_check_grace_period_seconds

  target_group_arn   = "arn:aws:elasticloadbalancing:eu-west-1:418273645091:targetgroup/orders-api-prod/9a1b2c3d4e5f6a7b"
  subnet_ids         = ["subnet-0a7d3c1e5f9b2d486", "subnet-0f2e4a6c8b1d3e5f7"]
  security_group_ids = ["sg-0e1f3a5c7d9b2e4f6"]
}

module "deploy_role" {
  source = "../../modules/github-oidc-role"

  role_name       = "orders-api-prod-deploy"
  account_id      = local.account_id
  github_subjects = ["repo:tidewater/orders-api:environment:production"]

  ecr_repository_arns = ["arn:aws:ecr:eu-west-1:418273645091:repository/orders-api"]
  ecs_service_arns    = ["arn:aws:ecs:eu-west-1:418273645091:service/tidewater-prod/orders-api-prod"]
  pass_role_arns = [
    module.service.execution_role_arn,
    module.service.task_role_arn,
  ]
}
