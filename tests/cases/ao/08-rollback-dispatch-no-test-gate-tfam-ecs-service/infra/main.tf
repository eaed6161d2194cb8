locals {
  name       = "ledger"
  region     = "eu-west-1"
  account_id = "942017365820"
}

module "ecs_cluster" {
  source  = "terraform-aws-modules/ecs/aws//modules/cluster"
  version = "5.12.0"

  cluster_name = local.name

  fargate_capacity_providers = {
    FARGATE = {
      default_capacity_provider_strategy = {
        weight = 100
      }
    }
  }
}

module "ledger_api" {
  source  = "terraform-aws-modules/ecs/aws//modules/service"
  version = "5.12.0"

  name        = "ledger-api"
  cluster_arn = module.ecs_cluster.arn

  cpu    = 1024
  memory = 4096

  health_check_grace_period_seconds = 120
  deployment_circuit_breaker = {
    enable   = true
    rollback = true
  }

  # The pipeline registers new revisions; Terraform keeps the service settings.
  ignore_task_definition_changes = true

  container_definitions = {
    api = {
      image     = "${local.account_id}.dkr.ecr.${local.region}.amazonaws.com/ledger-api:bootstrap"
      essential = true
      port_mappings = [
        {
          name          = "http"
          containerPort = 8080
          protocol      = "tcp"
        }
      ]
      secrets = [
        {
          name      = "DATABASE_URL"
          valueFrom = "arn:aws:ssm:${local.region}:${local.account_id}:parameter/ledger/database-url"
        }
      ]
      readonly_root_filesystem = true
    }
  }

  load_balancer = {
    service = {
      target_group_arn = var.target_group_arn
      container_name   = "api"
      container_port   = 8080
    }
  }

  subnet_ids = var.private_subnet_ids
  security_group_rules = {
    alb_ingress = {
      type                     = "ingress"
      from_port                = 8080
      to_port                  = 8080
      protocol                 = "tcp"
      source_security_group_id = var.alb_security_group_id
    }
  }
}

module "github_deploy_role" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-github-oidc-role"
  version = "5.48.0"

  name     = "ledger-deploy"
  subjects = ["fennec-pay/ledger:environment:production"]
}

data "aws_iam_policy_document" "deploy" {
  statement {
    sid       = "EcrLogin"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    sid = "EcrPush"
    actions = [
      "ecr:BatchCheckLayerAvailability",
      "ecr:CompleteLayerUpload",
      "ecr:InitiateLayerUpload",
      "ecr:PutImage",
      "ecr:UploadLayerPart",
    ]
    resources = ["arn:aws:ecr:${local.region}:${local.account_id}:repository/ledger-api"]
  }

  statement {
    sid       = "TaskDefinitions"
    actions   = ["ecs:RegisterTaskDefinition"]
    resources = ["*"]
  }

  statement {
    sid       = "Service"
    actions   = ["ecs:DescribeServices", "ecs:UpdateService"]
    resources = ["arn:aws:ecs:${local.region}:${local.account_id}:service/${local.name}/ledger-api"]
  }

  statement {
    sid     = "PassTaskRoles"
    actions = ["iam:PassRole"]
    resources = [
      "arn:aws:iam::${local.account_id}:role/ledger-api-*",
    ]

    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["ecs-tasks.amazonaws.com"]
    }
  }
}

resource "aws_iam_role_policy" "deploy" {
  name   = "ecs-deploy"
  role   = module.github_deploy_role.name
  policy = data.aws_iam_policy_document.deploy.json
}

variable "target_group_arn" {
  type = string
}

variable "private_subnet_ids" {
  type = list(string)
}

variable "alb_security_group_id" {
  type = string
}
