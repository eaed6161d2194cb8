# Left over from before this folder became a module (it was the root of the
# sandbox stack until the move to terraform/main.tf). TODO: delete.
name             = "bookings-sandbox"
github_subjects  = ["repo:tidewater/*"]
cluster_name     = "sandbox"
image_repository = "613820947155.dkr.ecr.ap-southeast-2.amazonaws.com/bookings"
image_tag        = "latest"

cpu                        = 256
memory                     = 4096
desired_count              = 1
deployment_maximum_percent = 100

target_group_arn   = "arn:aws:elasticloadbalancing:ap-southeast-2:613820947155:targetgroup/sandbox/0f3b2a9c8d7e6f51"
subnet_ids         = ["subnet-0aa11bb22cc33dd44"]
security_group_ids = ["sg-0ee55ff66aa77bb88"]
