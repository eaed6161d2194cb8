# Applied in the shared-services account (889900112233).
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = "ap-southeast-2"
}

variable "workload_account_id" {
  type    = string
  default = "318273645509"
}

resource "aws_ecr_repository" "billing_api" {
  name                 = "billing/api"
  image_tag_mutability = "IMMUTABLE"

  image_scanning_configuration {
    scan_on_push = true
  }

  encryption_configuration {
    encryption_type = "KMS"
  }
}

data "aws_iam_policy_document" "billing_api_repo" {
  statement {
    sid    = "WorkloadDeployRolePush"
    effect = "Allow"

    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::${var.workload_account_id}:role/billing-api-deploy"]
    }

    actions = [
      "ecr:BatchCheckLayerAvailability",
      "ecr:BatchGetImage",
      "ecr:CompleteLayerUpload",
      "ecr:GetDownloadUrlForLayer",
      "ecr:InitiateLayerUpload",
      "ecr:PutImage",
      "ecr:UploadLayerPart",
    ]
  }

  statement {
    sid    = "WorkloadTaskPull"
    effect = "Allow"

    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::${var.workload_account_id}:role/billing-api-execution"]
    }

    actions = [
      "ecr:BatchGetImage",
      "ecr:GetDownloadUrlForLayer",
    ]
  }
}

resource "aws_ecr_repository_policy" "billing_api" {
  repository = aws_ecr_repository.billing_api.name
  policy     = data.aws_iam_policy_document.billing_api_repo.json
}
