locals {
  account_id  = "842107396520"
  region      = "us-east-1"
  repository  = "ferrous-ai/docs-site"
  preview_envs = ["preview-1", "preview-2", "preview-3"]

  preview_subjects = concat(
    [for env in local.preview_envs : "repo:${local.repository}:environment:${env}"],
    ["repo:${local.repository}:pull_request"],
  )
}

resource "aws_iam_role" "preview_deploy" {
  name = "docs-site-preview-deploy"

  assume_role_policy = templatefile("${path.module}/templates/github-trust.json.tftpl", {
    provider_arn = "arn:aws:iam::${local.account_id}:oidc-provider/token.actions.githubusercontent.com"
    subjects     = local.preview_subjects
  })
}

resource "aws_ecs_task_definition" "renderer" {
  family                   = "docs-renderer"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 512
  memory                   = 1024
  task_role_arn            = "arn:aws:iam::${local.account_id}:role/docs-renderer-task"

  container_definitions = templatefile("${path.module}/templates/renderer.json.tftpl", {
    image  = "${local.account_id}.dkr.ecr.${local.region}.amazonaws.com/docs-renderer:2024.11.3"
    region = local.region
    secrets = [
      { name = "ALGOLIA_ADMIN_KEY", arn = "arn:aws:secretsmanager:us-east-1:842107396520:secret:docs/algolia-admin-key-8sPq2L" },
      { name = "GITHUB_APP_PRIVATE_KEY", arn = "arn:aws:secretsmanager:us-east-1:842107396520:secret:docs/github-app-key-Zt4mYw" },
    ]
  })
}
