variable "vpc_id" {
  type = string
}

variable "registry" {
  type    = string
  default = "702914385216.dkr.ecr.us-west-2.amazonaws.com"
}

variable "checkout_image_tag" {
  type        = string
  description = "Git SHA of the checkout image (set by the release pipeline)"
}

variable "admin_image_tag" {
  type        = string
  description = "Git SHA of the checkout-admin image"
}

variable "execution_role_arn" {
  type    = string
  default = "arn:aws:iam::702914385216:role/shop-ecs-task-execution"
}

variable "checkout_task_role_arn" {
  type    = string
  default = "arn:aws:iam::702914385216:role/checkout-task"
}

variable "checkout_sg_id" {
  type = string
}

variable "admin_sg_id" {
  type = string
}

variable "admin_target_group_arn" {
  type = string
}
