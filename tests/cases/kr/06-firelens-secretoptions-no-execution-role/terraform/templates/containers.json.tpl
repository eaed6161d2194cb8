[
  {
    "name": "${app_name}",
    "image": "${image}",
    "essential": true,
    "portMappings": [
      { "containerPort": ${port}, "protocol": "tcp" }
    ],
    "environment": [
      { "name": "RAILS_ENV", "value": "production" },
      { "name": "RAILS_LOG_TO_STDOUT", "value": "1" },
      { "name": "DD_SERVICE", "value": "${app_name}" },
      { "name": "DD_ENV", "value": "${environment}" }
    ],
    "logConfiguration": {
      "logDriver": "awsfirelens",
      "options": {
        "Name": "datadog",
        "Host": "http-intake.logs.datadoghq.eu",
        "TLS": "on",
        "dd_service": "${app_name}",
        "dd_source": "ruby",
        "provider": "ecs"
      },
      "secretOptions": [
        { "name": "apikey", "valueFrom": "${datadog_api_key_arn}" }
      ]
    }
  },
  {
    "name": "log_router",
    "image": "public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.4",
    "essential": true,
    "firelensConfiguration": {
      "type": "fluentbit",
      "options": { "enable-ecs-log-metadata": "true" }
    },
    "logConfiguration": {
      "logDriver": "awslogs",
      "options": {
        "awslogs-group": "/ecs/${app_name}/firelens",
        "awslogs-region": "${region}",
        "awslogs-stream-prefix": "router"
      }
    }
  }
]
