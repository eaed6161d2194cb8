[
  {
    "name": "billing",
    "image": "${repository_url}:${image_tag}",
    "essential": true,
    "portMappings": [
      { "containerPort": 8080, "protocol": "tcp" }
    ],
    "environment": [
      { "name": "DB_HOST", "value": "${db_host}" },
      { "name": "DB_NAME", "value": "billing" },
      { "name": "DB_PASSWORD", "value": "${db_password}" },
      { "name": "INVOICE_PDF_TIMEOUT", "value": "30" }
    ],
    "secrets": [
      { "name": "STRIPE_API_KEY", "valueFrom": "arn:aws:ssm:${region}:263748195027:parameter/tally/stripe-api-key" }
    ],
    "logConfiguration": {
      "logDriver": "awslogs",
      "options": {
        "awslogs-group": "/ecs/tally-billing",
        "awslogs-region": "${region}",
        "awslogs-stream-prefix": "billing"
      }
    }
  }
]
