variable "image_tag" {
  description = "Git SHA of the image to run; set by the deploy pipeline (-var image_tag=...)."
  type        = string
}

variable "private_subnet_ids" {
  type = list(string)
}

variable "vpc_id" {
  type = string
}

variable "api_target_group_arn" {
  type = string
}
