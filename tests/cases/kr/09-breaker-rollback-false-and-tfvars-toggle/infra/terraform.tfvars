cluster_name = "finance"
subnet_ids   = ["subnet-0a7c1e55d3b2f9a01", "subnet-0b8d2f66e4c3a0b12"]

# INC-2291: invoices boots slowly after the PDF font cache change; the breaker kept
# rolling it back. Off until the warm-up fix ships.
enable_circuit_breaker = false
