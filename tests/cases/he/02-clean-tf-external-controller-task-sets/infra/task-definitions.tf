resource "aws_ecs_task_definition" "checkout" {
  family                   = "checkout"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 1024
  memory                   = 2048
  execution_role_arn       = var.execution_role_arn
  task_role_arn            = var.checkout_task_role_arn

  container_definitions = jsonencode([
    {
      name      = "checkout"
      image     = "${var.registry}/checkout:${var.checkout_image_tag}"
      essential = true
      portMappings = [
        { containerPort = local.checkout_port, protocol = "tcp" }
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/checkout"
          awslogs-region        = "us-west-2"
          awslogs-stream-prefix = "checkout"
        }
      }
    }
  ])
}

resource "aws_ecs_task_definition" "checkout_admin" {
  family                   = "checkout-admin"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = 1024
  execution_role_arn       = var.execution_role_arn

  container_definitions = jsonencode([
    {
      name      = "checkout-admin"
      image     = "${var.registry}/checkout-admin:${var.admin_image_tag}"
      essential = true
      portMappings = [
        { containerPort = 3000, protocol = "tcp" }
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/checkout-admin"
          awslogs-region        = "us-west-2"
          awslogs-stream-prefix = "admin"
        }
      }
    }
  ])
}
