variable "image_tag" {
  type = string
}

data "aws_secretsmanager_secret" "keycloak_admin" {
  name = "identity/keycloak-admin-password"
}

resource "aws_ecs_task_definition" "identity" {
  family                   = "identity"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 1024
  memory                   = 2048
  execution_role_arn       = "arn:aws:iam::419283746150:role/identity-execution"
  task_role_arn            = "arn:aws:iam::419283746150:role/identity-task"

  container_definitions = jsonencode([
    {
      name      = "keycloak"
      image     = "419283746150.dkr.ecr.eu-west-1.amazonaws.com/keycloak:${var.image_tag}"
      essential = true
      environment = [
        { name = "KC_HOSTNAME", value = "id.acme-pay.example" },
        { name = "RSA_PUBLIC_KEY_URL", value = "https://id.acme-pay.example/realms/pay/protocol/openid-connect/certs" },
        { name = "VAULT_TOKEN_PATH", value = "/var/run/secrets/vault/token" },
        { name = "KEYCLOAK_ADMIN", value = "admin" }
      ]
      secrets = [
        { name = "KEYCLOAK_ADMIN_PASSWORD", valueFrom = data.aws_secretsmanager_secret.keycloak_admin.arn }
      ]
      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = "/ecs/identity"
          awslogs-region        = "eu-west-1"
          awslogs-stream-prefix = "keycloak"
        }
      }
    }
  ])
}
