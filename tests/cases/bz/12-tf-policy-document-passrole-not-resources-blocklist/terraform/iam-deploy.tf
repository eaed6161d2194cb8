locals {
  account_id = "673019482215"
}

# Deploy role of the data-pipeline services: may pass any role but the admin ones
data "aws_iam_policy_document" "pipeline_deploy" {
  statement {
    sid       = "RegisterTaskDefinitions"
    actions   = ["ecs:RegisterTaskDefinition", "ecs:DescribeTaskDefinition"]
    resources = ["*"]
  }

  statement {
    sid     = "PassAllButAdminRoles"
    actions = ["iam:PassRole"]
    not_resources = [
      "arn:aws:iam::${local.account_id}:role/OrganizationAccountAccessRole",
      "arn:aws:iam::${local.account_id}:role/admin-*",
      "arn:aws:iam::${local.account_id}:role/aws-reserved/*",
    ]

    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["ecs-tasks.amazonaws.com"]
    }
  }
}

# Deploy role of the reporting services: roles named by prefix only
data "aws_iam_policy_document" "reporting_deploy" {
  statement {
    sid       = "RegisterTaskDefinitions"
    actions   = ["ecs:RegisterTaskDefinition"]
    resources = ["*"]
  }

  statement {
    sid       = "PassReportingRoles"
    actions   = ["iam:PassRole"]
    resources = ["arn:aws:iam::${local.account_id}:role/reporting-*"]

    condition {
      test     = "StringLike"
      variable = "iam:PassedToService"
      values   = ["ecs-tasks.amazonaws.com"]
    }
  }
}

resource "aws_iam_policy" "pipeline_deploy" {
  name   = "data-pipeline-deploy"
  policy = data.aws_iam_policy_document.pipeline_deploy.json
}

resource "aws_iam_policy" "reporting_deploy" {
  name   = "reporting-deploy"
  policy = data.aws_iam_policy_document.reporting_deploy.json
}
