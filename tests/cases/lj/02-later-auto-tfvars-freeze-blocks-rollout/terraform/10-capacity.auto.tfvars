# Capacity for payments-gateway in production (reviewed each quarter).
desired_count       = 2
min_healthy_percent = 50
max_percent         = 200
