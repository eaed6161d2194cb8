resource "aws_ecs_task_definition" "audit_shipper" {
  family                   = "audit-shipper"
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = 256
  memory                   = 512
  task_role_arn            = "arn:aws:iam::402817665093:role/audit-shipper-task"

  container_definitions = jsonencode([
    {
      name      = "audit-shipper"
      image     = "402817665093.dkr.ecr.us-east-1.amazonaws.com/audit-shipper:2.0.4"
      essential = true
      logConfiguration = {
        logDriver = "splunk"
        options = {
          splunk-url    = "https://http-inputs-oakridge.splunkcloud.com:443"
          splunk-source = "audit-shipper"
          splunk-format = "json"
        }
        secretOptions = [
          {
            name      = "splunk-token"
            valueFrom = "arn:aws:secretsmanager:us-east-1:402817665093:secret:splunk/hec-token-Zt4kPa"
          }
        ]
      }
    }
  ])
}
