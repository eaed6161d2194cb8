provider "aws" {
  region = "eu-central-1"
}

module "billing_api" {
  source = "./modules/fargate-service"

  name               = "billing-api"
  image              = "803214567790.dkr.ecr.eu-central-1.amazonaws.com/billing-api:5d0c9e1"
  execution_role_arn = "arn:aws:iam::803214567790:role/billing-task-execution"
  task_role_arn      = "arn:aws:iam::803214567790:role/billing-api-task"
  cpu                = 2048
  memory             = 5120
  secrets = {
    STRIPE_SECRET_KEY = "arn:aws:secretsmanager:eu-central-1:803214567790:secret:billing/stripe-Hq27Vd"
  }
}

module "billing_webhooks" {
  source = "./modules/fargate-service"

  name               = "billing-webhooks"
  image              = "803214567790.dkr.ecr.eu-central-1.amazonaws.com/billing-webhooks:5d0c9e1"
  execution_role_arn = "arn:aws:iam::803214567790:role/billing-task-execution"
  task_role_arn      = "arn:aws:iam::803214567790:role/billing-webhooks-task"
  cpu                = 512
  memory             = 4096
}

module "billing_ledger" {
  source = "./modules/fargate-service"

  name               = "billing-ledger"
  image              = "803214567790.dkr.ecr.eu-central-1.amazonaws.com/billing-ledger:5d0c9e1"
  execution_role_arn = "arn:aws:iam::803214567790:role/billing-task-execution"
  task_role_arn      = "arn:aws:iam::803214567790:role/billing-ledger-task"
}
