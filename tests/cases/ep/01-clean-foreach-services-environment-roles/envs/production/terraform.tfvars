subnet_ids         = ["subnet-07e1a2b3c4d5e6f70", "subnet-08f2b3c4d5e6f7a81", "subnet-09a3c4d5e6f7a8b92"]
security_group_ids = ["sg-0d84f6b5a7e8c9304"]

services = {
  api = {
    cpu               = 1024
    memory            = 3072
    desired_count     = 3
    target_group_name = "dispatch-api-production"
  }
  worker = {
    cpu           = 2048
    memory        = 4096
    desired_count = 2
    deployment    = { minimum_healthy_percent = 50 }
  }
}
