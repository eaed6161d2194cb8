# The release pipeline runs in the shared tooling account and assumes this role.
resource "aws_iam_role" "ci" {
  name = "${local.prefix}-ci"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::740211983356:role/release-runner" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_policy" "deploy" {
  name        = "${local.prefix}-deploy"
  description = "Register the web and worker task definitions and roll the services"

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "RegisterTaskDefinitions"
        Effect   = "Allow"
        Action   = ["ecs:RegisterTaskDefinition", "ecs:DescribeTaskDefinition"]
        Resource = "*"
      },
      {
        Sid    = "RollServices"
        Effect = "Allow"
        Action = ["ecs:UpdateService", "ecs:DescribeServices"]
        Resource = [
          "arn:aws:ecs:${var.region}:${local.account_id}:service/${local.prefix}/web",
          "arn:aws:ecs:${var.region}:${local.account_id}:service/${local.prefix}/worker",
        ]
      },
      {
        Sid    = "PassTaskRoles"
        Effect = "Allow"
        Action = "iam:PassRole"
        Resource = [
          "arn:aws:iam::${local.account_id}:role/${local.prefix}-*-execution",
          aws_iam_role.web_task.arn,
        ]
        Condition = {
          StringEquals = { "iam:PassedToService" = "ecs-tasks.amazonaws.com" }
        }
      },
    ]
  })
}

resource "aws_iam_role_policy_attachment" "deploy" {
  role       = aws_iam_role.ci.name
  policy_arn = aws_iam_policy.deploy.arn
}
