subnet_ids = ["subnet-0b6e2f9c1d8a47350", "subnet-03d8a1e6f2c9b4701"]

web_target_groups = {
  https = {
    target_group_arn = "arn:aws:elasticloadbalancing:us-east-1:650183927416:targetgroup/atlas-web/4e1b9c7d2a6f0385"
    container_port   = 4000
  }
}
