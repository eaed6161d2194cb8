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

variable "frontend_bucket_arn" {
  type    = string
  default = "arn:aws:s3:::ecs-fullstack-frontend"
}
