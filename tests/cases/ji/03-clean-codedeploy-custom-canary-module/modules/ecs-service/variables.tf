variable "name" {
  type = string
}

variable "cluster_name" {
  type = string
}

variable "cpu" {
  type = number
}

variable "memory" {
  type = number
}

variable "image" {
  description = "Full image reference (repository:tag)."
  type        = string
}

variable "desired_count" {
  type    = number
  default = 2
}

variable "container_port" {
  type    = number
  default = null
}

variable "environment" {
  type    = map(string)
  default = {}
}

variable "secrets" {
  description = "Container variable name -> Secrets Manager or SSM ARN."
  type        = map(string)
  default     = {}
}

variable "execution_role_arn" {
  type = string
}

variable "task_role_arn" {
  type = string
}

variable "subnet_ids" {
  type = list(string)
}

variable "security_group_ids" {
  type = list(string)
}

variable "deployment_controller" {
  description = "ECS (rolling) or CODE_DEPLOY (blue/green)."
  type        = string
  default     = "ECS"

  validation {
    condition     = contains(["ECS", "CODE_DEPLOY"], var.deployment_controller)
    error_message = "deployment_controller must be ECS or CODE_DEPLOY."
  }
}

variable "blue_green" {
  description = "Target groups and listeners for CODE_DEPLOY services."
  type = object({
    blue_target_group_arn  = string
    blue_target_group_name = string
    green_target_group_name = string
    prod_listener_arn      = string
    test_listener_arn      = string
  })
  default = null
}

variable "codedeploy_app_name" {
  type    = string
  default = null
}

variable "codedeploy_service_role_arn" {
  type    = string
  default = null
}

variable "deployment_config_name" {
  type    = string
  default = "CodeDeployDefault.ECSAllAtOnce"
}
