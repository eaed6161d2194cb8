variable "environment" {
  type    = string
  default = "staging"
}

variable "aws_region" {
  type    = string
  default = "ca-central-1"
}

variable "image_tag" {
  type        = string
  description = "Set by CI: -var image_tag=$GITHUB_SHA"
}

variable "db_host" {
  type    = string
  default = "orders-staging.cluster-cq2x8hv1d9ab.ca-central-1.rds.amazonaws.com"
}

variable "db_password" {
  type      = string
  sensitive = true
}

variable "redis_host" {
  type    = string
  default = "orders-staging.x3b5ka.ng.0001.cac1.cache.amazonaws.com"
}
