# Capacity and rollout for orders-api in prod. Reviewed with SRE, 2025-11.

desired_count = 2

# Roll one task at a time: never below 1 healthy task, at most 3 running.
deployment_minimum_healthy_percent = 50
deployment_maximum_percent         = 150

# Cold start (JVM + Flyway validate) measured at 38-45 s on ARM64.
health_check_grace_period_seconds = 60
