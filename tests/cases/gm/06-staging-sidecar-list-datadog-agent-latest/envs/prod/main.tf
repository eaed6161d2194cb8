variable "image_tag" {
  description = "Image tag of the first revision (make plan IMAGE_TAG=<sha>)."
  type        = string
}

locals {
  account_id   = "305918264773"
  region       = "eu-west-1"
  cluster_name = "fernhill-prod"
  service      = "payments-api-prod"
}

module "service" {
  source = "../../modules/ecs-service"

  name                 = "payments-api"
  environment          = "prod"
  cluster_name         = local.cluster_name
  image_repository_url = "${local.account_id}.dkr.ecr.${local.region}.amazonaws.com/payments-api"
  image_tag            = var.image_tag

  environment_variables = {
    APP_ENV   = "prod"
    LOG_LEVEL = "info"
  }
  secrets = {
    DATABASE_URL = "arn:aws:secretsmanager:eu-west-1:305918264773:secret:payments-api/prod/database-url-Qm3x9Z"
  }

  sidecars = [
    {
      name      = "datadog-agent"
      image     = "public.ecr.aws/datadog/agent:7.57.2"
      essential = false
      environment = [
        { name = "DD_SITE", value = "datadoghq.eu" },
        { name = "DD_ENV", value = "prod" },
        { name = "ECS_FARGATE", value = "true" },
        { name = "DD_APM_ENABLED", value = "true" },
      ]
      secrets = [
        { name = "DD_API_KEY", valueFrom = "arn:aws:secretsmanager:eu-west-1:305918264773:secret:datadog/api-key-Hk2pWq" },
      ]
      portMappings = [{ containerPort = 8126, protocol = "tcp" }]
    },
  ]

  target_group_arn   = "arn:aws:elasticloadbalancing:eu-west-1:305918264773:targetgroup/payments-api-prod/9a1b2c3d4e5f6a7b"
  subnet_ids         = ["subnet-0a7d3c1e5f9b2d486", "subnet-0f2e4a6c8b1d3e5f7"]
  security_group_ids = ["sg-0e1f3a5c7d9b2e4f6"]
}

module "deploy_role" {
  source = "../../modules/github-oidc-role"

  role_name       = "payments-api-prod-deploy"
  account_id      = local.account_id
  github_subjects = ["repo:fernhill/payments-api:environment:production"]

  ecr_repository_arns = ["arn:aws:ecr:eu-west-1:305918264773:repository/payments-api"]
  ecs_service_arns    = ["arn:aws:ecs:eu-west-1:305918264773:service/fernhill-prod/payments-api-prod"]
  pass_role_arns = [
    module.service.execution_role_arn,
    module.service.task_role_arn,
  ]
}
