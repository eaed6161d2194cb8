[
  {
    "name": "${name}",
    "image": "${image}",
    "essential": true,
    "portMappings": [
      { "containerPort": ${port}, "hostPort": ${port}, "protocol": "tcp" }
    ],
    "environment": [
      { "name": "APP_ENV", "value": "${environment}" },
      { "name": "DB_HOST", "value": "${db_host}" },
      { "name": "DB_PASSWORD", "value": "${db_password}" }
    ],
    "logConfiguration": {
      "logDriver": "awslogs",
      "options": {
        "awslogs-group": "${log_group}",
        "awslogs-region": "eu-west-3",
        "awslogs-stream-prefix": "${name}"
      }
    }
  }
]
