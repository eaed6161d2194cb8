variable "region" {
  type    = string
  default = "ap-southeast-2"
}

provider "aws" {
  region = var.region
}

data "aws_region" "current" {}
data "aws_caller_identity" "current" {}

resource "aws_ecs_cluster" "main" {
  name = "kestrel"
}

resource "aws_ecr_repository" "scoreboard" {
  name                 = "scoreboard"
  image_tag_mutability = "IMMUTABLE"
}

data "aws_iam_policy_document" "ecs_tasks" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "execution" {
  name               = "scoreboard-execution"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks.json
}

resource "aws_iam_role" "task" {
  name               = "scoreboard-task"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks.json
}
