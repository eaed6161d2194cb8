# halve the cost of the nightly run (FIN-118)
task_cpu    = 512
task_memory = 512
