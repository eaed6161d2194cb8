resource "aws_ecs_service" "dispatch_api" {
  name            = "dispatch-api"
  cluster         = "dispatch"
  task_definition = "dispatch-api"
  desired_count   = 4
  launch_type     = "FARGATE"

  health_check_grace_period_seconds = 90

  # Moved off CodeDeploy: ECS shifts the traffic itself now.
  deployment_controller {
    type = "ECS"
  }

  deployment_configuration {
    strategy             = "BLUE_GREEN"
    bake_time_in_minutes = 10

    lifecycle_hook {
      hook_target_arn  = "arn:aws:lambda:ap-southeast-2:903184562270:function:dispatch-smoke-test"
      role_arn         = "arn:aws:iam::903184562270:role/dispatch-ecs-hooks"
      lifecycle_stages = ["POST_TEST_TRAFFIC_SHIFT"]
    }
  }

  load_balancer {
    target_group_arn = "arn:aws:elasticloadbalancing:ap-southeast-2:903184562270:targetgroup/dispatch-blue/9a8b7c6d5e4f3a21"
    container_name   = "dispatch-api"
    container_port   = 8080

    advanced_configuration {
      alternate_target_group_arn = "arn:aws:elasticloadbalancing:ap-southeast-2:903184562270:targetgroup/dispatch-green/1b2c3d4e5f6a7b89"
      production_listener_rule   = "arn:aws:elasticloadbalancing:ap-southeast-2:903184562270:listener-rule/app/dispatch/5e6f7a8b9c0d1e2f/0a1b2c3d4e5f6a7b/1c2d3e4f5a6b7c8d"
      test_listener_rule         = "arn:aws:elasticloadbalancing:ap-southeast-2:903184562270:listener-rule/app/dispatch/5e6f7a8b9c0d1e2f/9f8e7d6c5b4a3928/2d3e4f5a6b7c8d9e"
      role_arn                   = "arn:aws:iam::903184562270:role/dispatch-ecs-infrastructure"
    }
  }

  network_configuration {
    subnets         = ["subnet-01a2b3c4d5e6f7089", "subnet-0f9e8d7c6b5a40312"]
    security_groups = ["sg-0a9b8c7d6e5f4a3b2"]
  }

  lifecycle {
    ignore_changes = [task_definition, desired_count]
  }
}
