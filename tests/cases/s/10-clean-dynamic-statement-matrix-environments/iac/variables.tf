variable "app" {
  type    = string
  default = "scheduler"
}

variable "github_repo" {
  type    = string
  default = "heronwave/scheduler"
}

variable "deploy_environments" {
  type    = list(string)
  default = ["staging", "production"]
}

variable "create_deploy_role" {
  type    = bool
  default = true
}

variable "account_id" {
  type    = string
  default = "745021983316"
}
