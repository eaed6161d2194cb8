{
  "family": "courier-worker",
  "networkMode": "awsvpc",
  "requiresCompatibilities": [
    "FARGATE"
  ],
  "cpu": "512",
  "memory": "1024",
  "executionRoleArn": "arn:aws:iam::318562049771:role/courier-execution",
  "taskRoleArn": "arn:aws:iam::318562049771:role/courier-worker-task",
  "containerDefinitions": [
    {
      "name": "worker",
      "image": "${IMAGE}",
      "essential": true,
      "environment": [
        {
          "name": "QUEUE_URL",
          "value": "${QUEUE_URL}"
        }
      ],
      "logConfiguration": {
        "logDriver": "awslogs",
        "options": {
          "awslogs-group": "/ecs/courier-worker",
          "awslogs-region": "us-east-2",
          "awslogs-stream-prefix": "worker"
        }
      }
    }
  ]
}
