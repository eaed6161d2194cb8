# Scratch values for `terraform plan` inside the module folder; callers set their own.
name                       = "scratch"
region                     = "us-east-1"
cluster_arn                = "arn:aws:ecs:us-east-1:000000000000:cluster/scratch"
image                      = "public.ecr.aws/nginx/nginx:latest"
cpu                        = 256
memory                     = 4096
deployment_maximum_percent = 100
execution_role_arn         = "arn:aws:iam::000000000000:role/scratch"
task_role_arn              = "arn:aws:iam::000000000000:role/scratch"
environment                = { DB_PASSWORD = "hunter2" }
subnet_ids                 = ["subnet-00000000000000000"]
security_group_ids         = ["sg-00000000000000000"]
