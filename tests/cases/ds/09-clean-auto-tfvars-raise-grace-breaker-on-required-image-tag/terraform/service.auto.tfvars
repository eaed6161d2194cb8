# Report generation warms a 40 s cache before /health answers: see INC-2291.
health_check_grace_period = 120
