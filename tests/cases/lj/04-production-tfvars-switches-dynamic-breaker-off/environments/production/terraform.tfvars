image_tag     = "v5.12.3"
desired_count = 3

# INC-2291: the breaker rolled back a healthy release while the SMTP relay
# was slow to accept connections. Off until the readiness probe is fixed.
enable_circuit_breaker = false
