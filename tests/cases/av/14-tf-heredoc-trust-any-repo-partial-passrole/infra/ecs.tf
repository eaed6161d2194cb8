variable "image_tag" {
  type = string
}

resource "aws_ecs_task_definition" "editor_api" {
  family                   = "editor-api"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn

  container_definitions = jsonencode([{
    name      = "editor-api"
    image     = "${var.account_id}.dkr.ecr.eu-west-2.amazonaws.com/editor-api:${var.image_tag}"
    essential = true
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        "awslogs-group"         = "/ecs/editor-api"
        "awslogs-region"        = "eu-west-2"
        "awslogs-stream-prefix" = "api"
      }
    }
  }])
}
