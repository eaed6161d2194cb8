resource "aws_iam_policy" "breakglass" {
  name        = "${local.app}-breakglass"
  description = "Used by the on-call engineer during incidents"

  policy = <<POLICY
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "EcsEverything",
      "Effect": "Allow",
      "Action": "ecs:*",
      "Resource": "*"
    },
    {
      "Sid": "PassAppRoles",
      "Effect": "Allow",
      "Action": "iam:PassRole",
      "Resource": "${local.role_prefix}-*",
      "Condition": {
        "StringEquals": {"iam:PassedToService": "ecs-tasks.amazonaws.com"}
      }
    }
  ]
}
POLICY
}
