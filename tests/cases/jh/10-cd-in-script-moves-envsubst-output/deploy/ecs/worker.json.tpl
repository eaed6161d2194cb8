{
  "family": "mailer-worker",
  "networkMode": "awsvpc",
  "requiresCompatibilities": ["FARGATE"],
  "cpu": "512",
  "memory": "1024",
  "executionRoleArn": "arn:aws:iam::${AWS_ACCOUNT_ID}:role/mailer-execution",
  "taskRoleArn": "arn:aws:iam::${AWS_ACCOUNT_ID}:role/mailer-worker-task",
  "containerDefinitions": [
    {
      "name": "mailer-worker",
      "image": "${IMAGE}",
      "essential": true,
      "command": ["bundle", "exec", "sidekiq", "-C", "config/sidekiq.yml"],
      "logConfiguration": {
        "logDriver": "awslogs",
        "options": {
          "awslogs-group": "/ecs/mailer-worker",
          "awslogs-region": "us-east-1",
          "awslogs-stream-prefix": "worker"
        }
      }
    }
  ]
}
