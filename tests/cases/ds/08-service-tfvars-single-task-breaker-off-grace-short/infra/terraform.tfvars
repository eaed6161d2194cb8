# Cost cut, March: one task is enough for the notification volume.
desired_count              = 1
deployment_maximum_percent = 150
health_check_grace_period  = 45

vpc_id             = "vpc-0e5d1a7c3b92f4168"
private_subnet_ids = ["subnet-02c7e9b1a4d3f5068", "subnet-0a61f8d2c5b7e9304"]
