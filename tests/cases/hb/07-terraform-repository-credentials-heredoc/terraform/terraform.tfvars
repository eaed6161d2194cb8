execution_role_arn = "arn:aws:iam::356120984471:role/vuln-portal-execution"
task_role_arn      = "arn:aws:iam::356120984471:role/vuln-portal-task"
