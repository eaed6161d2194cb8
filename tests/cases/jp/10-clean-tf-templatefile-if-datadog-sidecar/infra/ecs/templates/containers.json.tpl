[
  {
    "name": "${name}",
    "image": "${image}",
    "essential": true,
    "portMappings": [
      { "containerPort": ${port}, "protocol": "tcp" }
    ],
    "environment": ${jsonencode(environment)},
    "secrets": ${jsonencode(secrets)},
%{ if enable_datadog ~}
    "dockerLabels": {
      "com.datadoghq.tags.service": "${name}",
      "com.datadoghq.tags.env": "${env}"
    },
%{ endif ~}
    "logConfiguration": {
      "logDriver": "awslogs",
      "options": {
        "awslogs-group": "${log_group}",
        "awslogs-region": "${region}",
        "awslogs-stream-prefix": "${name}"
      }
    }
  }%{ if enable_datadog },
  {
    "name": "datadog-agent",
    "image": "public.ecr.aws/datadog/agent:7.57.2",
    "essential": false,
    "environment": [
      { "name": "ECS_FARGATE", "value": "true" },
      { "name": "DD_SITE", "value": "datadoghq.eu" },
      { "name": "DD_ENV", "value": "${env}" },
      { "name": "DD_APM_ENABLED", "value": "true" }
    ],
    "secrets": [
      { "name": "DD_API_KEY", "valueFrom": "${datadog_api_key_arn}" }
    ],
    "logConfiguration": {
      "logDriver": "awslogs",
      "options": {
        "awslogs-group": "${log_group}",
        "awslogs-region": "${region}",
        "awslogs-stream-prefix": "datadog"
      }
    }
  }%{ endif }
]
