variable "cluster_name" {
  type    = string
  default = "tidewater-prod"
}

variable "private_subnet_ids" {
  type    = list(string)
  default = ["subnet-0a9b8c7d6e5f40312", "subnet-0b8c7d6e5f4031223"]
}

variable "api_target_group_arn" {
  type    = string
  default = "arn:aws:elasticloadbalancing:us-west-2:553018274619:targetgroup/tidewater-api/8e7d6c5b4a392817"
}

variable "admin_target_group_arn" {
  type    = string
  default = "arn:aws:elasticloadbalancing:us-west-2:553018274619:targetgroup/tidewater-admin/9f8e7d6c5b4a3928"
}

variable "api_grace_period_seconds" {
  description = "Seconds ECS ignores ALB health checks after an API task starts"
  type        = number
  default     = 45
}
