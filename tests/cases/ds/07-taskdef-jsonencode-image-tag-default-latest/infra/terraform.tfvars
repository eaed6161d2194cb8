task_size     = "large"
desired_count = 4
subnet_ids    = ["subnet-07ad3e1f29c84b650", "subnet-0b9e4c27d1a36f580"]
