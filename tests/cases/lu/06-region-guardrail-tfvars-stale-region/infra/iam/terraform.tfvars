account_id      = "338172604519"
allowed_regions = ["eu-west-1"]
cluster_name    = "tracker-prod"
service_name    = "tracker"
