# Lets every repository of the organisation pull shared base images in CI.
resource "aws_iam_role" "org_ecr_pull" {
  name = "pinecrest-ecr-pull"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Allow"
        Principal = {
          Federated = "arn:aws:iam::902184736520:oidc-provider/token.actions.githubusercontent.com"
        }
        Action = "sts:AssumeRoleWithWebIdentity"
        Condition = {
          StringEquals = {
            "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"
          }
          StringLike = {
            # ecs-lint: ignore[trust-sub-any-context]
            "token.actions.githubusercontent.com:sub" = "repo:pinecrest/*"
          }
        }
      }
    ]
  })
}

resource "aws_ecs_service" "inventory" {
  name            = "inventory"
  cluster         = "pinecrest-prod"
  task_definition = "inventory"
  desired_count   = 2
  launch_type     = "FARGATE"

  health_check_grace_period_seconds = 30 // ecs-lint: ignore[service-grace-period-short]

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  load_balancer {
    target_group_arn = "arn:aws:elasticloadbalancing:us-west-1:902184736520:targetgroup/inventory/7c6b5a4d3e2f1a0b"
    container_name   = "inventory"
    container_port   = 8080
  }

  network_configuration {
    subnets         = ["subnet-0d1c2b3a4f5e6d7c8"]
    security_groups = ["sg-0e1d2c3b4a5f6e7d8"]
  }
}
