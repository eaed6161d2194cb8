module "api" {
  source = "../../modules/ecs-task"

  name           = "parcel-api"
  repository_url = "284650193726.dkr.ecr.eu-north-1.amazonaws.com/parcel"
  image_tag      = var.image_tag
  cpu            = 1024
  memory         = 2048

  execution_role_arn = "arn:aws:iam::284650193726:role/parcel-execution"
  task_role_arn      = "arn:aws:iam::284650193726:role/parcel-api-task"

  environment = {
    RAILS_ENV        = "production"
    RAILS_LOG_TO_STDOUT = "1"
  }

  secrets = {
    DATABASE_URL    = "arn:aws:secretsmanager:eu-north-1:284650193726:secret:parcel/database-url-Xk2m9Q"
    SECRET_KEY_BASE = "arn:aws:secretsmanager:eu-north-1:284650193726:secret:parcel/secret-key-base-p0Lr7T"
  }
}
