resource "aws_iam_role" "ecs_infrastructure" {
  name = "harbor-ecs-infrastructure"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy_attachment" "ecs_infrastructure_lb" {
  role       = aws_iam_role.ecs_infrastructure.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonECSInfrastructureRolePolicyForLoadBalancers"
}

resource "aws_ecs_service" "storefront" {
  name            = "harbor-storefront"
  cluster         = var.cluster_arn
  task_definition = "harbor-storefront"
  desired_count   = var.storefront_desired_count
  launch_type     = "FARGATE"

  deployment_configuration {
    strategy             = "BLUE_GREEN"
    bake_time_in_minutes = 15
  }

  load_balancer {
    target_group_arn = "arn:aws:elasticloadbalancing:us-east-1:447201938651:targetgroup/harbor-sf-blue/3e8d0b6a2c71f945"
    container_name   = "storefront"
    container_port   = 3000

    advanced_configuration {
      alternate_target_group_arn = "arn:aws:elasticloadbalancing:us-east-1:447201938651:targetgroup/harbor-sf-green/7a1c5f9e3d06b248"
      production_listener_rule   = "arn:aws:elasticloadbalancing:us-east-1:447201938651:listener-rule/app/harbor-public/5f0e2d8c1a73b946/0c9b4e7f2a18d365/6d2a9f0e4c7b1835"
      role_arn                   = aws_iam_role.ecs_infrastructure.arn
    }
  }

  health_check_grace_period_seconds = 120

  network_configuration {
    subnets          = var.subnet_ids
    security_groups  = ["sg-0c7f2b9e4a1d36580"]
    assign_public_ip = false
  }
}
