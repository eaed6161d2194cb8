resource "aws_iam_role" "ci" {
  name = "moss-router-ci"

  assume_role_policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": {
        "Federated": "arn:aws:iam::947261038512:oidc-provider/token.actions.githubusercontent.com"
      },
      "Action": "sts:AssumeRoleWithWebIdentity",
      "Condition": {
        "StringEquals": {
          "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
          "token.actions.githubusercontent.com:sub": "repo:moss-dynamics/router:ref:refs/heads/main"
        }
      }
    }
  ]
}
EOF
}

resource "aws_iam_role_policy" "ci_deploy" {
  name = "moss-router-deploy"
  role = aws_iam_role.ci.id

  policy = <<-POLICY
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Sid": "EcsAll",
          "Effect": "Allow",
          "Action": "ecs:*",
          "Resource": "*"
        },
        {
          "Sid": "PassAnything",
          "Effect": "Allow",
          "Action": "iam:PassRole",
          "Resource": "*"
        }
      ]
    }
  POLICY
}

resource "aws_iam_policy" "almost_admin" {
  name = "moss-router-ops"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "EverythingButIam"
        Effect    = "Allow"
        NotAction = ["iam:*", "organizations:*"]
        Resource  = "*"
      }
    ]
  })
}

resource "aws_iam_role_policy_attachment" "ci_ops" {
  role       = aws_iam_role.ci.name
  policy_arn = aws_iam_policy.almost_admin.arn
}

resource "aws_iam_role" "release" {
  name = "moss-router-release"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Federated = "arn:aws:iam::947261038512:oidc-provider/token.actions.githubusercontent.com" }
      Action    = "sts:AssumeRoleWithWebIdentity"
      Condition = {
        StringEquals = {
          "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"
          "token.actions.githubusercontent.com:sub" = "repo:moss-dynamics/router:environment:production"
        }
      }
    }]
  })
}

resource "aws_iam_role_policy" "release_register" {
  name = "register"
  role = aws_iam_role.release.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "Register"
        Effect   = "Allow"
        Action   = ["ecs:RegisterTaskDefinition", "ecs:DescribeTaskDefinition"]
        Resource = "*"
      },
      {
        Sid      = "Update"
        Effect   = "Allow"
        Action   = ["ecs:UpdateService", "ecs:DescribeServices"]
        Resource = "arn:aws:ecs:us-east-1:947261038512:service/moss/router"
      },
      {
        Sid      = "PullBaseImages"
        Effect   = "Allow"
        Action   = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
        Resource = "*"
      }
    ]
  })
}

resource "aws_iam_policy" "platform_pass" {
  name = "moss-platform-pass"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = "iam:PassRole"
        Resource = "arn:aws:iam::947261038512:role/*"
      },
      {
        Effect   = "Allow"
        Action   = "ecs:RegisterTaskDefinition"
        Resource = "*"
      }
    ]
  })
}

resource "aws_iam_policy" "router_pass" {
  name = "moss-router-pass"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = "iam:PassRole"
        Resource = [
          "arn:aws:iam::947261038512:role/moss-router-execution",
          "arn:aws:iam::947261038512:role/moss-router-task",
        ]
        Condition = {
          StringEquals = { "iam:PassedToService" = "ecs-tasks.amazonaws.com" }
        }
      },
      {
        Effect   = "Allow"
        Action   = "ecs:RegisterTaskDefinition"
        Resource = "*"
      }
    ]
  })
}
