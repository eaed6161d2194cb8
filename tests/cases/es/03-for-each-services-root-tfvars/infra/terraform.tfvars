account_id = "630194857721"
region     = "eu-central-1"

private_subnet_ids         = ["subnet-07d2c9a4e1f3b6850", "subnet-0e19b5f7a3c2d8461"]
services_security_group_id = "sg-0a7e3c91d5b2f4086"

services = {
  dispatch-api = {
    cpu              = 512
    memory           = 1024
    image_tag        = "4e7a1c9d2b8f3065a1d7c4e9b2f8a3d6c1e0b597"
    target_group_arn = "arn:aws:elasticloadbalancing:eu-central-1:630194857721:targetgroup/dispatch-api/2f8c4a1e9b7d3065"
    environment = {
      DISPATCH_REGION_CODE = "DE-BY"
    }
    secrets = {
      DATABASE_URL = "arn:aws:secretsmanager:eu-central-1:630194857721:secret:dispatch/database-url-a81Kxq"
    }
  }

  route-optimizer = {
    cpu            = 256
    memory         = 4096
    image_tag      = "4e7a1c9d2b8f3065a1d7c4e9b2f8a3d6c1e0b597"
    container_port = 9000
    desired_count  = 1
    environment = {
      SOLVER_TIME_LIMIT_SECONDS = "20"
    }
  }

  notifier = {
    cpu           = 256
    memory        = 512
    image_tag     = "4e7a1c9d2b8f3065a1d7c4e9b2f8a3d6c1e0b597"
    desired_count = 1
    environment = {
      NOTIFY_FROM_ADDRESS = "dispatch@pinecrest-logistics.example"
      SENDGRID_API_KEY    = "SG.q4Jt8wVbR2mX9kLp0sYc1A.Zf3nT7uHe5Wd2Gk8Bv4Rm6Qx1Cy9Pj0Ls3Na7Ei5Ow"
    }
  }
}
