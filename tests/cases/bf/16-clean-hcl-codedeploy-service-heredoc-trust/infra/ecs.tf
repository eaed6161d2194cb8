variable "image_tag_mutability" {
  type    = string
  default = "IMMUTABLE"
}

variable "blue_target_group_arn" {
  type = string
}

variable "subnet_ids" {
  type = list(string)
}

resource "aws_ecr_repository" "geo_tiles" {
  name                 = "geo-tiles"
  image_tag_mutability = var.image_tag_mutability
}

resource "aws_ecs_service" "geo_tiles" {
  name                              = "geo-tiles"
  cluster                           = "maps"
  task_definition                   = "geo-tiles"
  desired_count                     = 3
  launch_type                       = "FARGATE"
  health_check_grace_period_seconds = 90

  deployment_controller {
    type = "CODE_DEPLOY"
  }

  load_balancer {
    target_group_arn = var.blue_target_group_arn
    container_name   = "tiles"
    container_port   = 8080
  }

  network_configuration {
    subnets          = var.subnet_ids
    assign_public_ip = false
  }

  lifecycle {
    ignore_changes = [task_definition, load_balancer]
  }
}

resource "aws_codedeploy_app" "geo_tiles" {
  name             = "geo-tiles"
  compute_platform = "ECS"
}

resource "aws_codedeploy_deployment_group" "geo_tiles" {
  app_name               = aws_codedeploy_app.geo_tiles.name
  deployment_group_name  = "geo-tiles"
  deployment_config_name = "CodeDeployDefault.ECSCanary10Percent5Minutes"
  service_role_arn       = "arn:aws:iam::640283719154:role/codedeploy-ecs"

  deployment_style {
    deployment_option = "WITH_TRAFFIC_CONTROL"
    deployment_type   = "BLUE_GREEN"
  }

  ecs_service {
    cluster_name = "maps"
    service_name = aws_ecs_service.geo_tiles.name
  }
}
