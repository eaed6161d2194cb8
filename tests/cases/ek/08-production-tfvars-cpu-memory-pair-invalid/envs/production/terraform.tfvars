# Renders got slow in March: double the CPU.
cpu    = 2048
memory = 3072
