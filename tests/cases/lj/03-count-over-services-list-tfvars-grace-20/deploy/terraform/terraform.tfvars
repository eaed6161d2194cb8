vpc_id             = "vpc-03f7a1c9e5b2d8416"
private_subnet_ids = ["subnet-0c1e5a9f3b7d2e648", "subnet-06a2d8f4c1e9b3570"]
https_listener_arn = "arn:aws:elasticloadbalancing:ap-southeast-2:572904318466:listener/app/marketplace/7c3e1a5f9b2d4e68/2b4d6f8a1c3e5079"

services = [
  {
    name          = "storefront"
    port          = 3000
    path_patterns = ["/", "/shop/*"]
    image_tag     = "2024.06.18-8e41c2d"
    cpu           = 1024
    memory        = 2048
    desired_count = 4
  },
  {
    name                              = "catalog-api"
    port                              = 8080
    path_patterns                     = ["/api/catalog/*"]
    image_tag                         = "1.42.0"
    health_check_grace_period_seconds = 150 # Spring Boot warms its caches first
  },
  {
    name                              = "checkout-api"
    port                              = 8081
    path_patterns                     = ["/api/checkout/*"]
    image_tag                         = "3.8.2"
    health_check_grace_period_seconds = 20 # Go binary, up in 2 s
  },
]
