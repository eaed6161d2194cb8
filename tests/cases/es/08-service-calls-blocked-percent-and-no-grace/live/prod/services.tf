locals {
  account_id = "145296380714"
  region     = "eu-west-1"
  cluster    = "arn:aws:ecs:eu-west-1:145296380714:cluster/saltmarsh-prod"
}

module "payments_api" {
  source = "../../modules/ecs-service"

  name        = "payments-api"
  region      = local.region
  cluster_arn = local.cluster
  image       = "145296380714.dkr.ecr.eu-west-1.amazonaws.com/payments-api:7b2e9d4c1a8f3e6d5b0c9a7f2e4d1b8c3a6f9e0d"
  cpu         = 1024
  memory      = 2048

  execution_role_arn = "arn:aws:iam::${local.account_id}:role/payments-api-execution"
  task_role_arn      = "arn:aws:iam::${local.account_id}:role/payments-api-task"
  secrets = {
    STRIPE_SECRET_KEY = "arn:aws:secretsmanager:eu-west-1:145296380714:secret:payments/stripe-secret-key-pL2v8N"
  }

  # Card-network certification: never run more than the approved task count.
  desired_count              = 3
  deployment_maximum_percent = 100

  target_group_arn   = "arn:aws:elasticloadbalancing:eu-west-1:145296380714:targetgroup/payments-api/9a3f6c2e1d8b4075"
  subnet_ids         = ["subnet-0b5e2a8c4d7f19360", "subnet-0f3d9b1e6a2c58471"]
  security_group_ids = ["sg-0c8a4e2f6b1d93570"]
}

module "refunds_api" {
  source = "../../modules/ecs-service"

  name        = "refunds-api"
  region      = local.region
  cluster_arn = local.cluster
  image       = "145296380714.dkr.ecr.eu-west-1.amazonaws.com/refunds-api:7b2e9d4c1a8f3e6d5b0c9a7f2e4d1b8c3a6f9e0d"

  execution_role_arn = "arn:aws:iam::${local.account_id}:role/refunds-api-execution"
  task_role_arn      = "arn:aws:iam::${local.account_id}:role/refunds-api-task"

  desired_count                      = 2
  deployment_minimum_healthy_percent = 50
  deployment_maximum_percent         = 100

  target_group_arn   = "arn:aws:elasticloadbalancing:eu-west-1:145296380714:targetgroup/refunds-api/4d7b1e9c3a6f2085"
  subnet_ids         = ["subnet-0b5e2a8c4d7f19360", "subnet-0f3d9b1e6a2c58471"]
  security_group_ids = ["sg-0c8a4e2f6b1d93570"]
}
