app_environment = {
  APP_ENV           = "prod"
  LOG_LEVEL         = "warn"
  SESSION_TOKEN_TTL = "3600"
  REDIS_HOST        = "checkout-prod.x7kq2m.ng.0001.euw1.cache.amazonaws.com"
  REDIS_PORT        = "6379"
  REDIS_TLS         = "true"
  # ElastiCache AUTH, rotated 2025-10 (INC-2291)
  REDIS_AUTH_TOKEN = "Vd9sK2pQ7xL4mN8rT1wZ6yB3cF5hJ0aE"
}
