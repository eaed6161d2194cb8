# Order worker. Listed for both launch types so the ops team can move it to
# Fargate Spot during the EC2 capacity provider migration without a new
# task definition. Sizes are set per container, as on the EC2 cluster.
resource "aws_ecs_task_definition" "orders_worker" {
  family                   = "orders-worker"
  requires_compatibilities = ["EC2", "FARGATE"]
  network_mode             = "awsvpc"
  execution_role_arn       = "arn:aws:iam::${local.account_id}:role/orders-task-execution"
  task_role_arn            = "arn:aws:iam::${local.account_id}:role/orders-worker-task"

  container_definitions = jsonencode([
    {
      name      = "worker"
      image     = "${local.registry}/orders-worker:${local.release}"
      essential = true
      cpu       = 512
      memory    = 1024
      command   = ["bundle", "exec", "sidekiq", "-C", "config/sidekiq.yml"]
      environment = [
        { name = "RAILS_ENV", value = "production" },
        { name = "SIDEKIQ_CONCURRENCY", value = "10" }
      ]
      secrets = [
        { name = "DATABASE_URL", valueFrom = "arn:aws:ssm:ap-southeast-2:${local.account_id}:parameter/orders/database-url" }
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.orders.name
          awslogs-region        = "ap-southeast-2"
          awslogs-stream-prefix = "worker"
        }
      }
    }
  ])
}
