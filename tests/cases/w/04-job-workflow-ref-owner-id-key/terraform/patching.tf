variable "project" {
  type    = string
  default = "fleetops"
}

variable "environment" {
  type    = string
  default = "prod"
}

variable "github_org" {
  type    = string
  default = "fleetops-io"
}

variable "github_repo" {
  type    = string
  default = "eks-platform"
}

resource "aws_iam_openid_connect_provider" "github" {
  url             = "https://token.actions.githubusercontent.com"
  client_id_list  = ["sts.amazonaws.com"]
  thumbprint_list = ["6938fd4d98bab03faadb97b34396831e3780aea1"]
}

# Patching Workflow Role
resource "aws_iam_role" "patching" {
  name = "${var.project}-${var.environment}-patching-apply"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Allow"
        Principal = {
          Federated = aws_iam_openid_connect_provider.github.arn
        }
        Action = "sts:AssumeRoleWithWebIdentity"
        Condition = {
          StringEquals = {
            "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"
            "token.actions.githubusercontent.com:sub" = "repo:${var.github_org}/${var.github_repo}:ref:refs/heads/main"
          }
          StringLike = {
            "token.actions.githubusercontent.com:job_workflow_ref" = "${var.github_org}/${var.github_repo}/.github/workflows/patching.yml@refs/heads/main"
          }
        }
      }
    ]
  })

  tags = {
    Name        = "${var.project}-${var.environment}-patching-apply"
    Environment = var.environment
    Project     = var.project
    Workflow    = "patching.yml"
  }
}
