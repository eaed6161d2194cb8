image_tag     = "v3.4.1"
desired_count = 4

# Production warms the availability cache from Aurora before it reports healthy.
health_check_grace_period_seconds = 180
