data "aws_caller_identity" "current" {}

data "aws_iam_policy_document" "ecs_deploy" {
  statement {
    sid       = "RegisterTaskDefinitions"
    actions   = ["ecs:RegisterTaskDefinition", "ecs:DescribeTaskDefinition"]
    resources = ["*"]
  }

  statement {
    sid     = "UpdateServices"
    actions = ["ecs:UpdateService", "ecs:DescribeServices"]
    resources = [
      "arn:aws:ecs:eu-central-1:${data.aws_caller_identity.current.account_id}:service/quillmate-prod/*",
    ]
  }

  statement {
    sid     = "PassTaskRoles"
    actions = ["iam:PassRole"]
    resources = [
      "arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/quillmate-*-task",
      "arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/quillmate-ecs-execution",
    ]

    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["ecs-tasks.amazonaws.com"]
    }
  }
}

resource "aws_iam_policy" "ecs_deploy" {
  name   = "quillmate-ecs-deploy"
  policy = data.aws_iam_policy_document.ecs_deploy.json
}
