locals {
  project     = "timetable"
  environment = "production"
  account_id  = "806531274190"
  region      = "eu-west-3"

  cluster_name = "${local.project}-${local.environment}"
  service_name = "${local.project}-api"
}
