resource "aws_ecs_task_definition" "changelog_bot" {
  family                   = "changelog-bot"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = "256"
  memory                   = "512"
  execution_role_arn       = "arn:aws:iam::836150027749:role/loyalty-jobs-execution"

  container_definitions = <<EOT
[
  {
    "name": "changelog-bot",
    "image": "836150027749.dkr.ecr.eu-west-2.amazonaws.com/changelog-bot:1.6.3",
    "essential": true,
    "environment": [
      { "name": "GITHUB_API_URL", "value": "https://api.github.com" },
      { "name": "GITHUB_TOKEN", "value": "ghp_R8fLx2Qm9Tz4Vn7Kc1Wb5Hy3Jd6Ps0Ag2Ue8" },
      { "name": "GITHUB_TOKEN_SCOPES", "value": "repo,read:org" }
    ],
    "logConfiguration": {
      "logDriver": "awslogs",
      "options": {
        "awslogs-group": "/ecs/changelog-bot",
        "awslogs-region": "eu-west-2",
        "awslogs-stream-prefix": "bot"
      }
    }
  }
]
EOT
}

resource "aws_ecs_task_definition" "payout_reconcile" {
  family                   = "payout-reconcile"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = 2048
  execution_role_arn       = "arn:aws:iam::836150027749:role/loyalty-jobs-execution"

  container_definitions = jsonencode([
    {
      name      = "payout-reconcile"
      image     = "836150027749.dkr.ecr.eu-west-2.amazonaws.com/payout-reconcile:3.2.0"
      essential = true
      environment = [
        { name = "STRIPE_API_BASE", value = "https://api.stripe.com" },
        { name = "PGHOST", value = "payouts.cluster-cr8ab1.eu-west-2.rds.amazonaws.com" },
        { name = "PGUSER", value = "reconcile" },
        { name = "PGPASSWORD", value = "Reconc1le-Payouts!" },
        { name = "PAYOUT_BATCH_SIZE", value = "500" }
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/payout-reconcile"
          awslogs-region        = "eu-west-2"
          awslogs-stream-prefix = "reconcile"
        }
      }
    }
  ])
}
