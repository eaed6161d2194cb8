variable "region" {
  type    = string
  default = "us-east-2"
}

variable "image_tag" {
  type        = string
  description = "Git SHA of the image to deploy (set by CI)"
}

variable "execution_role_arn" {
  type = string
}

variable "task_role_arn" {
  type = string
}

variable "sendgrid_api_key" {
  type      = string
  sensitive = true
}

variable "master_key_secret_arn" {
  type = string
}
