variable "model_tag" {
  type = string
}

resource "aws_ecs_task_definition" "trainer" {
  family                   = "churn-trainer"
  cpu                      = "16384"
  memory                   = "36864"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  execution_role_arn       = "arn:aws:iam::731904228615:role/ml-execution"
  task_role_arn            = "arn:aws:iam::731904228615:role/ml-trainer"

  container_definitions = <<-JSON
    [
      {
        "name": "trainer",
        "image": "731904228615.dkr.ecr.us-east-2.amazonaws.com/churn-model:${var.model_tag}",
        "essential": true,
        "command": ["python", "train.py", "--epochs", "40"],
        "logConfiguration": {
          "logDriver": "awslogs",
          "options": {
            "awslogs-group": "/ecs/churn-trainer",
            "awslogs-region": "us-east-2",
            "awslogs-stream-prefix": "trainer"
          }
        }
      }
    ]
  JSON
}

resource "aws_ecs_task_definition" "scorer" {
  family                   = "churn-scorer"
  cpu                      = "16384"
  memory                   = "65536"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  execution_role_arn       = "arn:aws:iam::731904228615:role/ml-execution"
  task_role_arn            = "arn:aws:iam::731904228615:role/ml-scorer"

  container_definitions = <<-JSON
    [
      {
        "name": "scorer",
        "image": "731904228615.dkr.ecr.us-east-2.amazonaws.com/churn-model:${var.model_tag}",
        "essential": true,
        "command": ["python", "score.py"],
        "logConfiguration": {
          "logDriver": "awslogs",
          "options": {
            "awslogs-group": "/ecs/churn-scorer",
            "awslogs-region": "us-east-2",
            "awslogs-stream-prefix": "scorer"
          }
        }
      }
    ]
  JSON
}
