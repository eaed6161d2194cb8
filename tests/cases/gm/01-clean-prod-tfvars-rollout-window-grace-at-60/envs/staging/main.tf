variable "image_tag" {
  description = "Image tag of the first revision (make plan IMAGE_TAG=<sha>)."
  type        = string
}

locals {
  account_id   = "418273645091"
  region       = "eu-west-1"
  cluster_name = "tidewater-staging"
  service      = "orders-api-staging"
}

module "service" {
  source = "../../modules/ecs-service"

  name                 = "orders-api"
  environment          = "staging"
  cluster_name         = local.cluster_name
  image_repository_url = "${local.account_id}.dkr.ecr.${local.region}.amazonaws.com/orders-api"
  image_tag            = var.image_tag

  environment_variables = {
    APP_ENV   = "staging"
    LOG_LEVEL = "info"
  }
  secrets = {
    DATABASE_URL = "arn:aws:secretsmanager:eu-west-1:418273645091:secret:orders-api/staging/database-url-Qm3x9Z"
  }

  # One task is enough for staging; replace it in place on deploy.
  desired_count                      = 1
  deployment_minimum_healthy_percent = 0
  deployment_maximum_percent         = 100
  health_check_grace_period_seconds  = 90

  # The staging VPC has no NAT gateway: tasks pull from ECR over a public IP.
  assign_public_ip = true

  target_group_arn   = "arn:aws:elasticloadbalancing:eu-west-1:418273645091:targetgroup/orders-api-staging/6d0ecf831eec9f09"
  subnet_ids         = ["subnet-0b6a1f3c9d2e47a10", "subnet-04e9c8d7b6a5f3e21"] # public
  security_group_ids = ["sg-0c4d2e8f6a1b3c5d7"]
}

module "deploy_role" {
  source = "../../modules/github-oidc-role"

  role_name       = "orders-api-staging-deploy"
  account_id      = local.account_id
  github_subjects = ["repo:tidewater/orders-api:environment:staging"]

  ecr_repository_arns = ["arn:aws:ecr:eu-west-1:418273645091:repository/orders-api"]
  ecs_service_arns    = ["arn:aws:ecs:eu-west-1:418273645091:service/tidewater-staging/orders-api-staging"]
  pass_role_arns = [
    module.service.execution_role_arn,
    module.service.task_role_arn,
  ]
}
