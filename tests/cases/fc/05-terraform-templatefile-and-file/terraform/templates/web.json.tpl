[
  {
    "name": "web",
    "image": "${image}",
    "essential": true,
    "portMappings": [{ "containerPort": 3000, "protocol": "tcp" }],
    "environment": [
      { "name": "RAILS_ENV", "value": "production" },
      { "name": "RAILS_LOG_TO_STDOUT", "value": "true" },
      { "name": "ALERTS_WEBHOOK_URL", "value": "https://hooks.slack.com/services/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" }
    ],
    "secrets": [
      { "name": "RAILS_MASTER_KEY", "valueFrom": "${master_key_arn}" }
    ],
    "logConfiguration": {
      "logDriver": "awslogs",
      "options": {
        "awslogs-group": "${log_group}",
        "awslogs-region": "${region}",
        "awslogs-stream-prefix": "web"
      }
    }
  }
]
