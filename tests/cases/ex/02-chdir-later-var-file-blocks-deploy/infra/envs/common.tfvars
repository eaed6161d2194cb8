# shared by every environment
deployment_minimum_healthy_percent = 100
deployment_maximum_percent         = 200
