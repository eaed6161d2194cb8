# Shared by every environment; passed first, so an environment file passed
# after it overrides any of these (later -var-file wins).
#
# Defaults tuned for the dev sandbox: fast health checks, no automatic
# rollback so a broken revision can be inspected.
desired_count             = 1
health_check_grace_period = 15
circuit_breaker_rollback  = false
