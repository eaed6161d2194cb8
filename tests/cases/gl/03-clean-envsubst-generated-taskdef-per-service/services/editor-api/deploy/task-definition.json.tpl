{
  "family": "quillstack-editor-api",
  "networkMode": "awsvpc",
  "requiresCompatibilities": ["FARGATE"],
  "cpu": "512",
  "memory": "1024",
  "executionRoleArn": "${EXECUTION_ROLE_ARN}",
  "taskRoleArn": "${TASK_ROLE_ARN}",
  "containerDefinitions": [
    {
      "name": "editor-api",
      "image": "${AWS_ACCOUNT_ID}.dkr.ecr.eu-west-2.amazonaws.com/quillstack/editor-api:bootstrap",
      "essential": true,
      "logConfiguration": {
        "logDriver": "awslogs",
        "options": {
          "awslogs-group": "/ecs/quillstack/editor-api",
          "awslogs-region": "eu-west-2",
          "awslogs-stream-prefix": "editor-api"
        }
      }
    }
  ]
}
