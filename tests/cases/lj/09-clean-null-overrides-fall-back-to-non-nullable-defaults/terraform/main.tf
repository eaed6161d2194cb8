module "portal_api" {
  source = "./modules/web-service"

  name        = "portal-api"
  cluster     = "pinecrest-prod"
  image       = "150938276412.dkr.ecr.us-east-2.amazonaws.com/portal-api:${var.image_tag}"
  cpu         = 1024
  memory      = 4096
  desired     = 3
  subnets     = var.subnet_ids
  sec_groups  = var.security_group_ids
  target_port = 8080

  target_group_arn                  = var.target_group_arn
  health_check_grace_period_seconds = var.health_check_grace_period_seconds

  deployment = {
    minimum_healthy_percent = var.min_healthy_percent
    maximum_percent         = var.max_percent
    rollback                = var.rollback_on_failure
  }
}
