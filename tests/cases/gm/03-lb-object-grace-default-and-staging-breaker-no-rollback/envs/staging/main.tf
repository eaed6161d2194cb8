variable "image_tag" {
  description = "Image tag of the first revision (make plan IMAGE_TAG=<sha>)."
  type        = string
}

locals {
  account_id   = "263048571920"
  region       = "eu-west-1"
  cluster_name = "brambleworks-staging"
  service      = "booking-api-staging"
}

module "service" {
  source = "../../modules/ecs-service"

  name                 = "booking-api"
  environment          = "staging"
  cluster_name         = local.cluster_name
  image_repository_url = "${local.account_id}.dkr.ecr.${local.region}.amazonaws.com/booking-api"
  image_tag            = var.image_tag

  environment_variables = {
    APP_ENV   = "staging"
    LOG_LEVEL = "info"
  }
  secrets = {
    DATABASE_URL = "arn:aws:secretsmanager:eu-west-1:263048571920:secret:booking-api/staging/database-url-Qm3x9Z"
  }

  load_balancer = {
    target_group_arn                  = "arn:aws:elasticloadbalancing:eu-west-1:263048571920:targetgroup/booking-api-staging/6d0ecf831eec9f09"
    health_check_grace_period_seconds = 90
  }

  # Leave failed deployments in place so we can exec into the tasks and debug.
  deployment_circuit_breaker = {
    enable   = true
    rollback = false
  }

  subnet_ids         = ["subnet-0b6a1f3c9d2e47a10", "subnet-04e9c8d7b6a5f3e21"]
  security_group_ids = ["sg-0c4d2e8f6a1b3c5d7"]
}

module "deploy_role" {
  source = "../../modules/github-oidc-role"

  role_name       = "booking-api-staging-deploy"
  account_id      = local.account_id
  github_subjects = ["repo:brambleworks/booking-api:environment:staging"]

  ecr_repository_arns = ["arn:aws:ecr:eu-west-1:263048571920:repository/booking-api"]
  ecs_service_arns    = ["arn:aws:ecs:eu-west-1:263048571920:service/brambleworks-staging/booking-api-staging"]
  pass_role_arns = [
    module.service.execution_role_arn,
    module.service.task_role_arn,
  ]
}
