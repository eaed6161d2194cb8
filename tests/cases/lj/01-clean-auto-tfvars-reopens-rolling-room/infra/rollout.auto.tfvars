# PLAT-412: 100/100 left ECS no room to roll (deploys hung until the
# stability wait timed out). Keep the three-task connection ceiling but let
# ECS stop one task before it starts its replacement: 66% of 3 rounds up to 2.
deployment_minimum_healthy_percent = 66
deployment_maximum_percent         = 100
