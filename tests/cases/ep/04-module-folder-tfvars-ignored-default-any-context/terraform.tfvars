cluster_name              = "pinecrest-production"
ecr_repository_url        = "731094582266.dkr.ecr.us-west-2.amazonaws.com/orders"
image_tag                 = "9d41c07"
target_group_arn          = "arn:aws:elasticloadbalancing:us-west-2:731094582266:targetgroup/orders-production/5be2c41f90a37d18"
private_subnet_ids        = ["subnet-03a4b5c6d7e8f9a01", "subnet-04b5c6d7e8f9a0b12"]
service_security_group_id = "sg-05c6d7e8f9a0b1c23"
