# Card-network cutover (CHG-7781): hold capacity exactly where it is.
# No surge tasks and no task below desired until the cutover is signed off.
min_healthy_percent = 100
max_percent         = 100
