variable "subnets" {
  type = list(string)
}

variable "security_group" {
  type = string
}

variable "web_target_group_arn" {
  type = string
}

locals {
  cluster = "alder-prod"
}
