variable "private_subnets" {
  type = list(string)
}

variable "app_sg_id" {
  type = string
}

variable "image_digest" {
  type    = string
  default = "sha256:9b2e51c04f8a7d3e6c1b0a9f8e7d6c5b4a3928170f6e5d4c3b2a19087f6e5d4c"
}

resource "aws_ecs_task_definition" "checkout" {
  family                   = "checkout"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "1024"
  memory                   = "2048"
  execution_role_arn       = "arn:aws:iam::553312094477:role/checkout-execution"
  task_role_arn            = "arn:aws:iam::553312094477:role/checkout-task"

  container_definitions = jsonencode([
    {
      name      = "checkout"
      image     = "553312094477.dkr.ecr.us-west-2.amazonaws.com/checkout@${var.image_digest}"
      essential = true
      portMappings = [
        { containerPort = 8443, protocol = "tcp" }
      ]
      secrets = [
        { name = "STRIPE_SECRET_KEY", valueFrom = "arn:aws:secretsmanager:us-west-2:553312094477:secret:checkout/stripe-5kLpQa" }
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

resource "aws_ecs_service" "checkout" {
  name            = "checkout"
  cluster         = "storefront"
  task_definition = aws_ecs_task_definition.checkout.arn
  desired_count   = 4
  launch_type     = "FARGATE"

  # Blue/green: these only bound the tasks kept while instances drain.
  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 100
  health_check_grace_period_seconds  = 30

  deployment_controller {
    type = "CODE_DEPLOY"
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.blue.arn
    container_name   = "checkout"
    container_port   = 8443
  }

  network_configuration {
    subnets          = var.private_subnets
    security_groups  = [var.app_sg_id]
    assign_public_ip = false
  }

  lifecycle {
    ignore_changes = [task_definition, load_balancer]
  }
}
