{
  "family": "mailer-api",
  "networkMode": "awsvpc",
  "requiresCompatibilities": ["FARGATE"],
  "cpu": "512",
  "memory": "1024",
  "executionRoleArn": "arn:aws:iam::${AWS_ACCOUNT_ID}:role/mailer-execution",
  "taskRoleArn": "arn:aws:iam::${AWS_ACCOUNT_ID}:role/mailer-api-task",
  "containerDefinitions": [
    {
      "name": "mailer-api",
      "image": "${IMAGE}",
      "essential": true,
      "command": ["bundle", "exec", "puma", "-C", "config/puma.rb"],
      "logConfiguration": {
        "logDriver": "awslogs",
        "options": {
          "awslogs-group": "/ecs/mailer-api",
          "awslogs-region": "us-east-1",
          "awslogs-stream-prefix": "api"
        }
      }
    }
  ]
}
