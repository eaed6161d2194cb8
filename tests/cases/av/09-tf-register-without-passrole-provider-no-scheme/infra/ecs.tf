resource "aws_ecr_repository" "tiles" {
  name                 = "geo-tiles"
  image_tag_mutability = "IMMUTABLE"
}

resource "aws_iam_role" "execution" {
  name = "geo-tiles-execution"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role" "task" {
  name               = "geo-tiles-task"
  assume_role_policy = aws_iam_role.execution.assume_role_policy
}

variable "image_tag" {
  type = string
}

resource "aws_ecs_task_definition" "tiles" {
  family                   = "geo-tiles"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 2048
  memory                   = 4096
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn

  container_definitions = jsonencode([{
    name      = "tiles"
    image     = "${aws_ecr_repository.tiles.repository_url}:${var.image_tag}"
    essential = true
    portMappings = [{ containerPort = 8080 }]
    logConfiguration = {
      logDriver = "awslogs"
      options = {
        "awslogs-group"         = "/ecs/geo-tiles"
        "awslogs-region"        = "us-east-2"
        "awslogs-stream-prefix" = "tiles"
      }
    }
  }])
}
