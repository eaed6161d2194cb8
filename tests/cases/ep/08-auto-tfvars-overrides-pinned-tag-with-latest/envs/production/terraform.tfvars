desired_count = 4
task_size     = { cpu = 1024, memory = 2048 }

image_tag = "2024.11.2-4c7d0e2"
