image_tag     = "5c0e2a94"
task_role_arn = "arn:aws:iam::662104378559:role/fraud-scorer-task"
