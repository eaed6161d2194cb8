execution_role_arn         = "arn:aws:iam::447120398561:role/orders-api-execution"
task_role_arn              = "arn:aws:iam::447120398561:role/orders-api-task"
datadog_api_key_secret_arn = "arn:aws:secretsmanager:eu-west-1:447120398561:secret:datadog/api-key-x7Rt2p"
