# Geocoder loads the whole address index into memory; bumped to 32 GB for the NZ import.
resource "aws_ecs_task_definition" "geocoder" {
  family                   = "maps-geocoder"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 4 * 1024
  memory                   = 32 * 1024
  execution_role_arn       = local.execution_role

  container_definitions = jsonencode([
    {
      name      = "geocoder"
      image     = "${local.registry}/maps-geocoder:${var.image_tag}"
      essential = true
      portMappings = [{ containerPort = 9000, protocol = "tcp" }]
      environment = [
        { name = "INDEX_PATH", value = "/data/index" },
        { name = "JAVA_OPTS", value = "-Xmx28g" }
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/maps-geocoder"
          awslogs-region        = "ap-southeast-2"
          awslogs-stream-prefix = "geocoder"
        }
      }
    }
  ])
}
