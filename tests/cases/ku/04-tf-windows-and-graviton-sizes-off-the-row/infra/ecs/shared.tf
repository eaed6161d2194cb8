variable "image_tag" {
  description = "Image tag to deploy (the commit SHA, set by CI)"
  type        = string
}

variable "region" {
  type    = string
  default = "us-west-2"
}

data "aws_iam_policy_document" "ecs_tasks_assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "task_execution" {
  name               = "batch-task-execution"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_assume.json
}

resource "aws_iam_role_policy_attachment" "task_execution" {
  role       = aws_iam_role.task_execution.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

resource "aws_cloudwatch_log_group" "batch" {
  name              = "/ecs/batch"
  retention_in_days = 14
}

locals {
  registry = "209418735566.dkr.ecr.${var.region}.amazonaws.com"
  log_options = {
    awslogs-group  = aws_cloudwatch_log_group.batch.name
    awslogs-region = var.region
  }
}
