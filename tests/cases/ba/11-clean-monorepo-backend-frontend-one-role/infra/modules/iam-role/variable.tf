variable "name" {
  type    = string
  default = "ecs-fullstack"
}

variable "github_repo" {
  type        = string
  description = "GitHub repo, example: username/repo"
  default     = "rizkypamungkas/ecs-fullstack"
}

variable "aws_region" {
  type    = string
  default = "ap-southeast-1"
}

variable "account_id" {
  type    = string
  default = "535002865174"
}

variable "frontend_bucket_arn" {
  type    = string
  default = "arn:aws:s3:::ecs-fullstack-frontend"
}

variable "cloudfront_distribution_arn" {
  type    = string
  default = "arn:aws:cloudfront::535002865174:distribution/E2QWRUHAPOMQZL"
}
