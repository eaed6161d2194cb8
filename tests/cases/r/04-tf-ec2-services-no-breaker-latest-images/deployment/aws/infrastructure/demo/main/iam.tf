data "aws_iam_policy_document" "agent_assume_role" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "web_instance_role" {
  name               = var.web_ec2_instance_role_name
  assume_role_policy = data.aws_iam_policy_document.agent_assume_role.json
  tags               = merge({ Name = var.web_ec2_instance_role_name, Module = "Web" }, var.tags)
}

resource "aws_iam_role_policy_attachment" "ecs_agent_ec2" {
  role       = aws_iam_role.web_instance_role.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role"
}

resource "aws_iam_role" "web_task_role" {
  name = var.web_ecs_task_role_name
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Allow",
        Principal = {
          Service = "ecs-tasks.amazonaws.com"
        },
        Action = "sts:AssumeRole"
      }
    ]
  })
  tags = merge({ Name = var.web_ecs_task_role_name, Module = "Web" }, var.tags)
}

data "aws_iam_policy_document" "web_ec2_role_policy" {
  statement {
    actions = ["secretsmanager:GetSecretValue"]
    resources = [
      aws_secretsmanager_secret.rds_credentials.arn,
      aws_secretsmanager_secret.jwt_secret.arn,
    ]
  }

  statement {
    effect = "Allow"
    actions = [
      "servicediscovery:RegisterInstance",
      "servicediscovery:DeregisterInstance",
      "servicediscovery:DiscoverInstances",
      "servicediscovery:Get*",
      "servicediscovery:List*"]
    resources = [
      aws_service_discovery_service.backend.arn,
      aws_service_discovery_service.admin_app.arn,
      aws_service_discovery_service.litellm_proxy.arn
    ]
  }

  statement {
    effect = "Allow"
    actions = [
      "logs:CreateLogStream",
      "logs:PutLogEvents",
    "logs:DescribeLogStreams"]
    resources = ["arn:aws:logs:*:*:*"]
  }

  statement {
    actions = ["ecr:GetAuthorizationToken",
      "ecr:BatchCheckLayerAvailability",
      "ecr:GetDownloadUrlForLayer",
    "ecr:BatchGetImage", ]
    effect    = "Allow"
    resources = [aws_ecr_repository.web_ecr_repo.arn]
  }
}

resource "aws_iam_role_policy" "web_ec2_role_policy" {
  name   = "${var.web_ec2_instance_role_name}-policy"
  role   = aws_iam_role.web_task_role.id
  policy = data.aws_iam_policy_document.web_ec2_role_policy.json
}
