variable "git_sha" {
  description = "Commit SHA of the image to run; set by the deploy pipeline"
  type        = string
}

variable "private_subnet_ids" {
  type = list(string)
}

variable "service_security_group_id" {
  type = string
}

variable "inference_target_group_arn" {
  type = string
}

variable "checkout_blue_target_group_arn" {
  type = string
}

variable "circuit_breaker" {
  type    = bool
  default = true
}

variable "graphql_blue_target_group_arn" {
  type = string
}

variable "graphql_green_target_group_arn" {
  type = string
}

variable "graphql_listener_rule_arn" {
  type = string
}

variable "ecs_infrastructure_role_arn" {
  type = string
}
