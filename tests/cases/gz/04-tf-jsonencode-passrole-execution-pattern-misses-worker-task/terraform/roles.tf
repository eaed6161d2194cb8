locals {
  ecs_tasks_assume = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role" "web_execution" {
  name               = "${local.prefix}-web-execution"
  assume_role_policy = local.ecs_tasks_assume
}

resource "aws_iam_role" "web_task" {
  name               = "${local.prefix}-web-task"
  assume_role_policy = local.ecs_tasks_assume
}

resource "aws_iam_role" "worker_execution" {
  name               = "${local.prefix}-worker-execution"
  assume_role_policy = local.ecs_tasks_assume
}

resource "aws_iam_role" "worker_task" {
  name               = "${local.prefix}-worker-task"
  assume_role_policy = local.ecs_tasks_assume
}

resource "aws_iam_role_policy_attachment" "execution" {
  for_each = {
    web    = aws_iam_role.web_execution.name
    worker = aws_iam_role.worker_execution.name
  }
  role       = each.value
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}
