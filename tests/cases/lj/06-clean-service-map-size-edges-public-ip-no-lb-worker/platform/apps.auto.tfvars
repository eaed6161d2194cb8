apps = {
  tile-server = {
    image_tag = "4.2.0"
    cpu       = 4096
    memory    = 30720
    desired   = 4
    load_balancer = {
      target_group_arn     = "arn:aws:elasticloadbalancing:ca-central-1:481630925714:targetgroup/tile-server/0a2c4e6b8d1f3a57"
      container_port       = 8080
      grace_period_seconds = 60
    }
  }

  routing-engine = {
    image_tag = "2024.10.07-91fe2c3"
    cpu       = 16384
    memory    = 122880
    load_balancer = {
      target_group_arn = "arn:aws:elasticloadbalancing:ca-central-1:481630925714:targetgroup/routing-engine/5b7d9f1a3c2e4b68"
      container_port   = 5000
    }
  }

  geocoder = {
    image_tag = "1.9.4"
    cpu       = 2048
    memory    = 16384
    load_balancer = {
      target_group_arn     = "arn:aws:elasticloadbalancing:ca-central-1:481630925714:targetgroup/geocoder/8e1a3c5f7b9d2e46"
      container_port       = 8000
      grace_period_seconds = 240
    }
  }

  # One scheduler only: it must never run twice, so stop before start.
  import-scheduler = {
    image_tag = "0.14.1"
    cpu       = 256
    memory    = 512
    desired   = 1
    rollout = {
      min_healthy_percent = 0
      max_percent         = 100
    }
  }

  egress-proxy = {
    image_tag = "squid-6.10-r2"
    cpu       = 512
    memory    = 1024
    public    = true
  }
}
