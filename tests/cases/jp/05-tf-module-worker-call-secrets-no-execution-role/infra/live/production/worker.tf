# Sidekiq worker, split out of the api task in October. Same image, own task
# definition so it can scale on queue depth.
module "worker" {
  source = "../../modules/ecs-task"

  name           = "parcel-worker"
  repository_url = "284650193726.dkr.ecr.eu-north-1.amazonaws.com/parcel"
  image_tag      = var.image_tag
  command        = ["bundle", "exec", "sidekiq", "-C", "config/sidekiq.yml"]

  task_role_arn = "arn:aws:iam::284650193726:role/parcel-worker-task"

  environment = {
    RAILS_ENV          = "production"
    SIDEKIQ_CONCURRENCY = "10"
  }

  secrets = {
    DATABASE_URL    = "arn:aws:secretsmanager:eu-north-1:284650193726:secret:parcel/database-url-Xk2m9Q"
    REDIS_URL       = "arn:aws:secretsmanager:eu-north-1:284650193726:secret:parcel/redis-url-3vQe8W"
    SECRET_KEY_BASE = "arn:aws:secretsmanager:eu-north-1:284650193726:secret:parcel/secret-key-base-p0Lr7T"
  }
}
