resource "aws_ecr_repository" "admin" {
  name                 = "plover-admin"
  image_tag_mutability = "IMMUTABLE"
}

resource "aws_ecs_task_definition" "admin" {
  family                   = "plover-admin"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  execution_role_arn       = "arn:aws:iam::139475820613:role/plover-admin-execution"

  container_definitions = <<EOF
[
  {
    "name": "admin",
    "image": "${aws_ecr_repository.admin.repository_url}:latest",
    "essential": true
  },
  {
    "name": "proxy",
    "image": "public.ecr.aws/nginx/nginx:1.27@sha256:9f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0",
    "essential": true
  }
]
EOF
}
