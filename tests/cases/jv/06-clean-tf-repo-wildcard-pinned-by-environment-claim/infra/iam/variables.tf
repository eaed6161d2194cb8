variable "github_org" {
  description = "GitHub organisation that owns the service repositories"
  type        = string
  default     = "tallis-mobility"
}

variable "service_repositories" {
  description = "Service repositories that get an ECS production deploy role"
  type        = list(string)
  default = [
    "fleet-tracker",
    "route-optimizer",
    "driver-app-api",
  ]
}
