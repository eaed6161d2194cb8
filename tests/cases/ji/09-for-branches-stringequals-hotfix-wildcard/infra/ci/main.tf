terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = var.region
}

resource "aws_ecr_repository" "telemetry_gateway" {
  name                 = "telemetry-gateway"
  image_tag_mutability = "IMMUTABLE"
}

module "image_publisher_role" {
  source = "../modules/gha-role"

  role_name   = "telemetry-gateway-image-publisher"
  account_id  = var.account_id
  repository  = "orchard-iot/telemetry-gateway"
  branches    = var.publish_branches
  policy_json = data.aws_iam_policy_document.publish.json
}

data "aws_iam_policy_document" "publish" {
  statement {
    sid       = "Login"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    sid = "Push"
    actions = [
      "ecr:BatchCheckLayerAvailability",
      "ecr:BatchGetImage",
      "ecr:CompleteLayerUpload",
      "ecr:GetDownloadUrlForLayer",
      "ecr:InitiateLayerUpload",
      "ecr:PutImage",
      "ecr:UploadLayerPart",
    ]
    resources = [aws_ecr_repository.telemetry_gateway.arn]
  }
}
