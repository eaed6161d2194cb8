subnet_ids         = ["subnet-0a91c3e2d4b5f6071", "subnet-0b82d4f3e5c6a7182"]
security_group_ids = ["sg-0c73e5a4f6d7b8293"]

services = {
  api = {
    cpu               = 256
    memory            = 512
    desired_count     = 1
    target_group_name = "dispatch-api-staging"
    # One task: stop it first, then start the new one.
    deployment = { minimum_healthy_percent = 0, maximum_percent = 100 }
  }
  worker = {
    cpu           = 512
    memory        = 2048
    desired_count = 1
  }
}
