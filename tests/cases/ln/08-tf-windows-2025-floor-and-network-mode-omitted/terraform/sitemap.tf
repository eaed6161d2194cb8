resource "aws_ecs_task_definition" "sitemap" {
  family                   = "freight-sitemap"
  requires_compatibilities = ["FARGATE"]
  cpu                      = 512
  memory                   = 1024
  execution_role_arn       = data.aws_iam_role.ecs_execution.arn

  container_definitions = jsonencode([
    {
      name      = "sitemap"
      image     = "583920174655.dkr.ecr.us-east-1.amazonaws.com/freight-sitemap:0.7.3"
      essential = true
      command   = ["python", "-m", "sitemap.build", "--upload"]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/freight-sitemap"
          awslogs-region        = "us-east-1"
          awslogs-stream-prefix = "sitemap"
        }
      }
    }
  ])
}
