variable "cluster_arn" {
  type    = string
  default = "arn:aws:ecs:us-east-1:447201938651:cluster/harbor-prod"
}

variable "subnet_ids" {
  type    = list(string)
  default = ["subnet-0a2f7c9e4d1b83650", "subnet-0d8b1e6c3a5f92047"]
}

variable "admin_desired_count" {
  description = "Tasks for the back-office app"
  type        = number
  default     = 2
}

variable "storefront_desired_count" {
  type    = number
  default = 4
}
