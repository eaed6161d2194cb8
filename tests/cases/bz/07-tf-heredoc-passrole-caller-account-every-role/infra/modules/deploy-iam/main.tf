data "aws_caller_identity" "current" {}
data "aws_region" "current" {}

resource "aws_iam_policy" "api_deploy" {
  name        = "invoice-hub-api-deploy"
  description = "GitHub Actions deploy of invoice-hub-api"
  policy      = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "RegisterTaskDefinition",
      "Effect": "Allow",
      "Action": "ecs:RegisterTaskDefinition",
      "Resource": "*"
    },
    {
      "Sid": "RollApiService",
      "Effect": "Allow",
      "Action": ["ecs:DescribeServices", "ecs:UpdateService"],
      "Resource": "arn:aws:ecs:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:service/invoice-hub/invoice-hub-api"
    },
    {
      "Sid": "PassTaskRoles",
      "Effect": "Allow",
      "Action": "iam:PassRole",
      "Resource": "arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/*",
      "Condition": {
        "StringEquals": {"iam:PassedToService": "ecs-tasks.amazonaws.com"}
      }
    }
  ]
}
EOF
}

resource "aws_iam_policy" "worker_deploy" {
  name        = "invoice-hub-worker-deploy"
  description = "GitHub Actions deploy of invoice-hub-worker"
  policy      = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "RegisterTaskDefinition",
      "Effect": "Allow",
      "Action": "ecs:RegisterTaskDefinition",
      "Resource": "*"
    },
    {
      "Sid": "RollWorkerService",
      "Effect": "Allow",
      "Action": ["ecs:DescribeServices", "ecs:UpdateService"],
      "Resource": "arn:aws:ecs:${data.aws_region.current.name}:${data.aws_caller_identity.current.account_id}:service/invoice-hub/invoice-hub-worker"
    },
    {
      "Sid": "PassWorkerRoles",
      "Effect": "Allow",
      "Action": "iam:PassRole",
      "Resource": "arn:aws:iam::${data.aws_caller_identity.current.account_id}:role/invoice-hub/*",
      "Condition": {
        "StringEquals": {"iam:PassedToService": "ecs-tasks.amazonaws.com"}
      }
    }
  ]
}
EOF
}

resource "aws_iam_role_policy_attachment" "api_deploy" {
  role       = var.api_deploy_role_name
  policy_arn = aws_iam_policy.api_deploy.arn
}

resource "aws_iam_role_policy_attachment" "worker_deploy" {
  role       = var.worker_deploy_role_name
  policy_arn = aws_iam_policy.worker_deploy.arn
}
