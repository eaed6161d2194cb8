variable "image_tag" {
  description = "Image tag to deploy; set by the release pipeline (-var image_tag=<git sha>)."
  type        = string
}

variable "private_subnet_ids" {
  type = list(string)
}

variable "service_security_group_id" {
  type = string
}

variable "alb" {
  type = object({
    prod_listener_arn = string
    test_listener_arn = string
    blue_tg_arn       = string
    blue_tg_name      = string
    green_tg_name     = string
  })
}
