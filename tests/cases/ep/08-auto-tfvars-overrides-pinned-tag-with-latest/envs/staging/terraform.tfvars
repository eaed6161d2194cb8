desired_count = 1
task_size     = { cpu = 512, memory = 1024 }

# Placeholder for a fresh checkout; release.auto.tfvars sets the real tag.
image_tag = "latest"
