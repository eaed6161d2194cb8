resource "aws_codedeploy_app" "ledger_api" {
  name             = "ledger-api"
  compute_platform = "ECS"
}

resource "aws_codedeploy_deployment_group" "ledger_api" {
  app_name               = aws_codedeploy_app.ledger_api.name
  deployment_group_name  = "ledger-api-bg"
  deployment_config_name = "CodeDeployDefault.ECSAllAtOnce"
  service_role_arn       = aws_iam_role.codedeploy.arn

  auto_rollback_configuration {
    enabled = true
    events  = ["DEPLOYMENT_FAILURE"]
  }

  blue_green_deployment_config {
    deployment_ready_option {
      action_on_timeout = "CONTINUE_DEPLOYMENT"
    }
    terminate_blue_instances_on_deployment_success {
      action                           = "TERMINATE"
      termination_wait_time_in_minutes = 5
    }
  }

  deployment_style {
    deployment_option = "WITH_TRAFFIC_CONTROL"
    deployment_type   = "BLUE_GREEN"
  }

  ecs_service {
    cluster_name = "ledger-prod"
    service_name = "ledger-api"
  }

  load_balancer_info {
    target_group_pair_info {
      prod_traffic_route {
        listener_arns = [aws_lb_listener.https.arn]
      }
      target_group {
        name = aws_lb_target_group.ledger_blue.name
      }
      target_group {
        name = aws_lb_target_group.ledger_green.name
      }
    }
  }
}

# The reconciliation batch still runs on two EC2 hosts through the CodeDeploy agent.
resource "aws_codedeploy_app" "ledger_batch" {
  name             = "ledger-batch"
  compute_platform = "Server"
}

resource "aws_codedeploy_deployment_group" "ledger_batch" {
  app_name               = aws_codedeploy_app.ledger_batch.name
  deployment_group_name  = "ledger-batch-hosts"
  deployment_config_name = "CodeDeployDefault.OneAtATime"
  service_role_arn       = aws_iam_role.codedeploy.arn

  ec2_tag_set {
    ec2_tag_filter {
      key   = "role"
      type  = "KEY_AND_VALUE"
      value = "ledger-batch"
    }
  }

  auto_rollback_configuration {
    enabled = true
    events  = ["DEPLOYMENT_FAILURE"]
  }
}
