# ledger-api prod sizing (see runbooks/capacity.md)

# Three AZs, one task each.
desired_count = 3

# Keep full capacity during deploys and add a 25 % surge so we don't
# pay for a second full set of tasks while the new revision warms up.
deployment_minimum_healthy_percent = 100
deployment_maximum_percent         = 125
