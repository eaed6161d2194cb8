variable "aws_region" {
  type    = string
  default = "ca-central-1"
}

variable "deploy_environments" {
  description = "GitHub environment => ECS cluster that runs notify there."
  type        = map(string)
  default = {
    staging    = "notify-staging"
    production = "notify-production"
  }
}
