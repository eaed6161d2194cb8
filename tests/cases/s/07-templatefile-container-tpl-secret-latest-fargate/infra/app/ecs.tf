resource "aws_ecr_repository" "booking" {
  name = "booking"
}

resource "aws_cloudwatch_log_group" "booking" {
  name              = "/ecs/booking-${var.environment}"
  retention_in_days = 30
}

resource "aws_iam_role" "execution" {
  name = "booking-${var.environment}-execution"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy_attachment" "execution" {
  role       = aws_iam_role.execution.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

resource "aws_ecs_task_definition" "booking" {
  family                   = "booking-${var.environment}"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = 512
  execution_role_arn       = aws_iam_role.execution.arn

  container_definitions = templatefile("${path.module}/templates/app.json.tpl", {
    name        = "booking"
    image       = "${aws_ecr_repository.booking.repository_url}:latest"
    port        = var.container_port
    environment = var.environment
    db_host     = var.db_host
    db_password = var.db_password
    log_group   = aws_cloudwatch_log_group.booking.name
  })
}
