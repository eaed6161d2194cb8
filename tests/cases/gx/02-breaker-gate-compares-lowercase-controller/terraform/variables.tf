variable "vpc_private_subnets" {
  type = list(string)
}

variable "web_security_group_id" {
  type = string
}

variable "blue_target_group_arns" {
  type = map(string)
}

variable "green_target_group_arns" {
  type = map(string)
}

variable "prod_listener_arn" {
  type = string
}
