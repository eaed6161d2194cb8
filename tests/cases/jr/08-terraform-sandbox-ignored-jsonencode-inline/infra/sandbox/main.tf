terraform {
  required_providers {
    aws = { source = "hashicorp/aws", version = "~> 5.0" }
  }
}

provider "aws" {
  region = "us-east-1"
}

variable "developer" {
  type = string
}

data "aws_caller_identity" "current" {}

resource "aws_iam_role" "sandbox_gha" {
  name = "sandbox-${var.developer}-gha"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow"
      Principal = {
        Federated = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:oidc-provider/token.actions.githubusercontent.com"
      }
      Action = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringLike = {
          "token.actions.githubusercontent.com:sub" = "repo:orchard-mobile/*"
        }
      }
    }]
  })
}

resource "aws_ecs_service" "sandbox_api" {
  name            = "api-${var.developer}"
  cluster         = "sandbox"
  task_definition = "orchard-api-sandbox"
  desired_count   = 1
  launch_type     = "FARGATE"

  deployment_minimum_healthy_percent = 100
  deployment_maximum_percent         = 100

  network_configuration {
    subnets          = ["subnet-0aa11bb22cc33dd44"]
    assign_public_ip = true
  }
}
