# Scanner runs on the shared EC2 cluster; its image lives in GitHub Container Registry.
resource "aws_ecs_task_definition" "scanner" {
  family                   = "vuln-scanner"
  requires_compatibilities = ["EC2"]
  network_mode             = "bridge"
  task_role_arn            = "arn:aws:iam::356120984471:role/vuln-scanner-task"

  container_definitions = <<DEFINITION
[
  {
    "name": "scanner",
    "image": "ghcr.io/brightpath-sec/vuln-scanner:1.8.2",
    "memory": 1024,
    "essential": true,
    "repositoryCredentials": {
      "credentialsParameter": "arn:aws:secretsmanager:ap-southeast-2:356120984471:secret:ghcr/brightpath-readonly-b3Nw0Q"
    },
    "environment": [
      { "name": "SCAN_QUEUE", "value": "vuln-scan-requests" },
      { "name": "GITHUB_API_URL", "value": "https://api.github.com" }
    ],
    "logConfiguration": {
      "logDriver": "awslogs",
      "options": {
        "awslogs-group": "/ecs/vuln-scanner",
        "awslogs-region": "ap-southeast-2",
        "awslogs-stream-prefix": "scanner"
      }
    }
  }
]
DEFINITION
}

resource "aws_ecs_task_definition" "portal" {
  family                   = "vuln-portal"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 1024
  execution_role_arn       = var.execution_role_arn
  task_role_arn            = var.task_role_arn

  container_definitions = jsonencode([
    {
      name      = "portal"
      image     = "ghcr.io/brightpath-sec/vuln-portal:1.8.2"
      essential = true
      repositoryCredentials = {
        credentialsParameter = var.ghcr_credentials_arn
      }
      portMappings = [{ containerPort = 4000 }]
      secrets = [
        { name = "SECRET_KEY_BASE", valueFrom = "arn:aws:ssm:ap-southeast-2:356120984471:parameter/vuln-portal/secret-key-base" }
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/vuln-portal"
          awslogs-region        = "ap-southeast-2"
          awslogs-stream-prefix = "portal"
        }
      }
    }
  ])
}
