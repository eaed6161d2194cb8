resource "aws_ecs_cluster" "default" {
  name = "brevity-ecs-cluster"
}

// https://docs.aws.amazon.com/AmazonECS/latest/developerguide/container-instance-eni.html
resource "aws_ecs_account_setting_default" "awsvpcTrunking" {
  name  = "awsvpcTrunking"
  value = "enabled"
}

resource "aws_ecr_repository" "default" {
  name = "brevity-ecs-repo"
}

resource "aws_lb" "ecs" {
  load_balancer_type = "application"
  security_groups    = [module.ecs_alb_sg.security_group_id]
  subnets            = module.vpc.public_subnets
  ip_address_type    = "dualstack-without-public-ipv4"
}

resource "aws_lb_target_group" "ecs" {
  port        = 80
  protocol    = "HTTP"
  vpc_id      = module.vpc.vpc_id
  target_type = "ip"

  health_check {
    path = "/health/liveness"
  }
}

resource "aws_lb_listener" "ecs" {
  port              = 80
  protocol          = "HTTP"
  load_balancer_arn = aws_lb.ecs.arn

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.ecs.arn
  }
}

resource "aws_ecs_capacity_provider" "default" {
  name = "brevity-ecs-asg-capacity-provider"

  auto_scaling_group_provider {
    auto_scaling_group_arn = aws_autoscaling_group.ecs_asg.arn
  }
}

module "ecs_task_execution_role" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-assumable-role"
  version = "~> 5.0"

  create_role      = true
  role_name_prefix = "brevity-ecs-execution-"

  create_custom_role_trust_policy = true
  custom_role_trust_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Allow"
        Principal = {
          Service = "ecs-tasks.amazonaws.com"
        }
        Action = "sts:AssumeRole"
      }
    ]
  })

  custom_role_policy_arns = [
    "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
  ]
}

resource "aws_ecs_task_definition" "backend" {
  family             = "brevity"
  network_mode       = "awsvpc"
  execution_role_arn = module.ecs_task_execution_role.iam_role_arn

  // NOTE: The task definition will be updated using CI/CD, so we
  // don't want terraform to override the latest version.
  lifecycle {
    ignore_changes = [
      container_definitions
    ]
  }
  track_latest = true

  container_definitions = jsonencode([
    {
      name      = "nginx"
      image     = "nginx:latest"
      cpu       = 128
      memory    = 256
      essential = true
      portMappings = [
        {
          containerPort = 80
          hostPort      = 80
          protocol      = "tcp"
        }
      ]
    }
  ])
}

resource "aws_ecs_service" "backend" {
  name            = "brevity-backend-service"
  cluster         = aws_ecs_cluster.default.id
  task_definition = aws_ecs_task_definition.backend.arn
  desired_count   = 1
  // TODO: Remove when the application is running stably on production.
  force_delete = true

  network_configuration {
    subnets         = module.vpc.public_subnets
    security_groups = [module.ecs_service_sg.security_group_id]
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.ecs.arn
    container_name   = "nginx"
    container_port   = 80
  }

  capacity_provider_strategy {
    base              = 0
    capacity_provider = aws_ecs_capacity_provider.default.name
    weight            = 1
  }

  deployment_circuit_breaker {
    enable   = false
    rollback = false
  }

  deployment_controller {
    type = "ECS"
  }
}

output "ecr" {
  value = {
    name = aws_ecr_repository.default.name
    url  = aws_ecr_repository.default.repository_url
  }
}
