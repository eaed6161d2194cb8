resource "aws_ecr_repository" "telemetry" {
  name                 = "telemetry"
  image_tag_mutability = "IMMUTABLE"
}

resource "aws_iam_role" "execution" {
  name = "telemetry-execution"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy_attachment" "execution" {
  role       = aws_iam_role.execution.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

data "aws_ami" "ecs_arm64" {
  most_recent = true
  owners      = ["amazon"]
  filter {
    name   = "name"
    values = ["al2023-ami-ecs-hvm-*-arm64"]
  }
}

resource "aws_launch_template" "c6g" {
  name_prefix   = "telemetry-c6g-"
  image_id      = data.aws_ami.ecs_arm64.id
  instance_type = "c6g.xlarge"
  user_data     = base64encode("#!/bin/bash\necho ECS_CLUSTER=telemetry >> /etc/ecs/ecs.config\n")
}

resource "aws_autoscaling_group" "c6g" {
  name_prefix           = "telemetry-c6g-"
  min_size              = 2
  max_size              = 10
  vpc_zone_identifier   = ["subnet-0b71c3f2a9e4d1001", "subnet-0b71c3f2a9e4d1002"]
  protect_from_scale_in = true

  launch_template {
    id      = aws_launch_template.c6g.id
    version = "$Latest"
  }

  tag {
    key                 = "AmazonECSManaged"
    value               = "true"
    propagate_at_launch = true
  }
}
