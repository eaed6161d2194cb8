variable "account_id" {
  type = string
}

variable "region" {
  type    = string
  default = "eu-west-2"
}

variable "cluster" {
  type = string
}

variable "break_glass" {
  description = "Temporarily give the pipeline full ECS/admin rights during an incident"
  type        = bool
  default     = false
}
