{
  "family": "quillstack-search-indexer",
  "networkMode": "awsvpc",
  "requiresCompatibilities": ["FARGATE"],
  "cpu": "512",
  "memory": "1024",
  "executionRoleArn": "${EXECUTION_ROLE_ARN}",
  "taskRoleArn": "${TASK_ROLE_ARN}",
  "containerDefinitions": [
    {
      "name": "search-indexer",
      "image": "${AWS_ACCOUNT_ID}.dkr.ecr.eu-west-2.amazonaws.com/quillstack/search-indexer:bootstrap",
      "essential": true,
      "logConfiguration": {
        "logDriver": "awslogs",
        "options": {
          "awslogs-group": "/ecs/quillstack/search-indexer",
          "awslogs-region": "eu-west-2",
          "awslogs-stream-prefix": "search-indexer"
        }
      }
    }
  ]
}
