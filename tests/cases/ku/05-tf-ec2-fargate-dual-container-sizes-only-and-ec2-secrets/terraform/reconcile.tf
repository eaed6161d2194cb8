# Nightly reconciliation on the EC2 cluster (bridge, container-level sizes:
# fine on EC2). The container instances' instance profile can read SSM, so
# nobody added an execution role.
resource "aws_ecs_task_definition" "orders_reconcile" {
  family                   = "orders-reconcile"
  requires_compatibilities = ["EC2"]
  network_mode             = "bridge"
  task_role_arn            = "arn:aws:iam::${local.account_id}:role/orders-reconcile-task"

  container_definitions = jsonencode([
    {
      name              = "reconcile"
      image             = "${local.registry}/orders-worker:${local.release}"
      essential         = true
      cpu               = 384
      memoryReservation = 768
      command           = ["bin/rails", "orders:reconcile"]
      secrets = [
        { name = "DATABASE_URL", valueFrom = "arn:aws:ssm:ap-southeast-2:${local.account_id}:parameter/orders/database-url" },
        { name = "PSP_API_KEY", valueFrom = "arn:aws:secretsmanager:ap-southeast-2:${local.account_id}:secret:orders/psp-api-key-3kT9aQ" }
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.orders.name
          awslogs-region        = "ap-southeast-2"
          awslogs-stream-prefix = "reconcile"
        }
      }
    }
  ])
}
