locals {
  org = "ironbark-energy"

  deploy_roles = {
    tariffs = {
      repository = "tariffs-api"
      policy_arn = "arn:aws:iam::208836175594:policy/tariffs-api-ecs-deploy"
    }
    outages = {
      repository = "outage-map"
      policy_arn = "arn:aws:iam::208836175594:policy/outage-map-ecs-deploy"
    }
    billing = {
      repository = "billing-engine"
      policy_arn = "arn:aws:iam::208836175594:policy/billing-engine-ecs-deploy"
    }
  }
}

module "deploy_role" {
  source   = "terraform-aws-modules/iam/aws//modules/iam-github-oidc-role"
  version  = "5.48.0"
  for_each = local.deploy_roles

  name         = "${each.value.repository}-deploy"
  provider_url = "https://token.actions.githubusercontent.com"
  audience     = "sts.amazonaws.com"
  subjects     = ["repo:${local.org}/${each.value.repository}:environment:production"]

  policies = {
    EcsDeploy = each.value.policy_arn
  }

  tags = {
    Service = each.key
  }
}

module "image_builder_role" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-github-oidc-role"
  version = "5.48.0"

  name = "image-builder"
  subjects = [
    "repo:ironbark-energy/base-images:ref:refs/heads/main",
    "ironbark-energy/tariffs-api:ref:refs/heads/main",
  ]

  policies = {
    EcrPowerUser = "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPowerUser"
  }
}
