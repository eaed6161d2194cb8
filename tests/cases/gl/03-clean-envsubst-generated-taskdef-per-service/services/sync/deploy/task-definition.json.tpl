{
  "family": "quillstack-sync",
  "networkMode": "awsvpc",
  "requiresCompatibilities": ["FARGATE"],
  "cpu": "512",
  "memory": "1024",
  "executionRoleArn": "${EXECUTION_ROLE_ARN}",
  "taskRoleArn": "${TASK_ROLE_ARN}",
  "containerDefinitions": [
    {
      "name": "sync",
      "image": "${AWS_ACCOUNT_ID}.dkr.ecr.eu-west-2.amazonaws.com/quillstack/sync:bootstrap",
      "essential": true,
      "logConfiguration": {
        "logDriver": "awslogs",
        "options": {
          "awslogs-group": "/ecs/quillstack/sync",
          "awslogs-region": "eu-west-2",
          "awslogs-stream-prefix": "sync"
        }
      }
    }
  ]
}
