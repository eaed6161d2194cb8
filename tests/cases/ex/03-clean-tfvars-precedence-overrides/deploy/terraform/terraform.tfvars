task_memory = 3072

# conservative rollout while we migrate sessions to Redis
deployment_maximum_percent = 100
