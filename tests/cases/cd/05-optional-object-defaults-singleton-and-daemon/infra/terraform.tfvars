subnet_ids = ["subnet-0e7a4c92b31d5f068", "subnet-09b3f5d17e2ac4681"]

scheduler = {
  desired_count = 1
  cpu           = 512
  memory        = 1024
}
