# Local smoke-test values (docker compose stack); not used by the envs.
name                              = "invoice-hub-dev"
cluster_id                        = "dev"
image                             = "invoice-hub:latest"
cpu                               = 256
memory                            = 512
desired_count                     = 1
execution_role_arn                = "arn:aws:iam::118902334455:role/ecsTaskExecutionRole"
task_role_arn                     = "arn:aws:iam::118902334455:role/invoice-hub-dev-task"
target_group_arn                  = "arn:aws:elasticloadbalancing:us-east-2:118902334455:targetgroup/dev/0123456789abcdef"
health_check_grace_period_seconds = 10
circuit_breaker_rollback          = false
subnet_ids                        = ["subnet-0dev0000000000001"]
security_group_ids                = ["sg-0dev0000000000001"]
region                            = "us-east-2"

environment = {
  NODE_ENV     = "development"
  DATABASE_URL = "postgres://invoice:devpassword@localhost:5432/invoice"
}
