variable "region" {
  type    = string
  default = "eu-west-3"
}

variable "account_id" {
  type = string
}

variable "enable_preview_environments" {
  description = "Create the role pull requests use to spin up preview stacks"
  type        = bool
  default     = true
}
