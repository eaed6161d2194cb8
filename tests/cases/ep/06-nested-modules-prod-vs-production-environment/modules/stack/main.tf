data "aws_caller_identity" "current" {}
data "aws_region" "current" {}

locals {
  name         = "${var.app}-${var.environment}"
  cluster_name = "oakridge-${var.environment}"
  registry     = "${data.aws_caller_identity.current.account_id}.dkr.ecr.${data.aws_region.current.name}.amazonaws.com"
}

data "aws_lb_target_group" "this" {
  name = local.name
}

module "service" {
  source = "../service"

  name          = local.name
  cluster_name  = local.cluster_name
  image         = "${local.registry}/${var.app}:${var.image_tag}"
  cpu           = var.cpu
  memory        = var.memory
  desired_count = var.desired_count

  environment = {
    LEDGER_ENV = var.environment
  }

  target_group_arn   = data.aws_lb_target_group.this.arn
  subnet_ids         = var.vpc.subnet_ids
  security_group_ids = var.vpc.security_group_ids
}

module "deploy_role" {
  source = "../github-deploy-role"

  role_name          = "${local.name}-deploy"
  github_repository  = var.github_repository
  github_environment = var.environment

  ecr_repository_arns = ["arn:aws:ecr:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:repository/${var.app}"]
  ecs_cluster_name    = local.cluster_name
  ecs_service_names   = [module.service.service_name]
  pass_role_arns      = [module.service.execution_role_arn, module.service.task_role_arn]
}
