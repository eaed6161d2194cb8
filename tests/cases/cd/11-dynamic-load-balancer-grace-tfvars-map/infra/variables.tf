variable "web_target_groups" {
  description = "Target groups the web containers register with, by listener"
  type = map(object({
    target_group_arn = string
    container_port   = number
  }))
  default = {}
}

variable "worker_target_groups" {
  type = map(object({
    target_group_arn = string
    container_port   = number
  }))
  default = {}
}

variable "web_grace_period" {
  type    = number
  default = null
}

variable "subnet_ids" {
  type = list(string)
}
