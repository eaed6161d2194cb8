# sessions live in Redis now: surge again (HW-88)
deployment_maximum_percent = 200
