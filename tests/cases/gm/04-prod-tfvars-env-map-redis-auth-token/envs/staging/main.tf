variable "image_tag" {
  description = "Image tag of the first revision (make plan IMAGE_TAG=<sha>)."
  type        = string
}

locals {
  account_id   = "731905264418"
  region       = "eu-west-1"
  cluster_name = "quillfield-staging"
  service      = "checkout-api-staging"
}

module "service" {
  source = "../../modules/ecs-service"

  name                 = "checkout-api"
  environment          = "staging"
  cluster_name         = local.cluster_name
  image_repository_url = "${local.account_id}.dkr.ecr.${local.region}.amazonaws.com/checkout-api"
  image_tag            = var.image_tag

  environment_variables = {
    APP_ENV           = "staging"
    LOG_LEVEL         = "debug"
    SESSION_TOKEN_TTL = "3600"
    REDIS_HOST        = "checkout-staging.p2c9dd.ng.0001.euw1.cache.amazonaws.com"
    REDIS_PORT        = "6379"
    REDIS_TLS         = "true"
  }
  secrets = {
    REDIS_AUTH_TOKEN = "arn:aws:secretsmanager:eu-west-1:731905264418:secret:checkout-api/staging/redis-auth-5TgH1k"
    DATABASE_URL     = "arn:aws:secretsmanager:eu-west-1:731905264418:secret:checkout-api/staging/database-url-Qm3x9Z"
  }

  target_group_arn   = "arn:aws:elasticloadbalancing:eu-west-1:731905264418:targetgroup/checkout-api-staging/6d0ecf831eec9f09"
  subnet_ids         = ["subnet-0b6a1f3c9d2e47a10", "subnet-04e9c8d7b6a5f3e21"]
  security_group_ids = ["sg-0c4d2e8f6a1b3c5d7"]
}

module "deploy_role" {
  source = "../../modules/github-oidc-role"

  role_name       = "checkout-api-staging-deploy"
  account_id      = local.account_id
  github_subjects = ["repo:quillfield/checkout-api:environment:staging"]

  ecr_repository_arns = ["arn:aws:ecr:eu-west-1:731905264418:repository/checkout-api"]
  ecs_service_arns    = ["arn:aws:ecs:eu-west-1:731905264418:service/quillfield-staging/checkout-api-staging"]
  pass_role_arns = [
    module.service.execution_role_arn,
    module.service.task_role_arn,
  ]
}
