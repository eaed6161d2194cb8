variable "image_tag" {
  description = "Tag of the notes-api image to run; CI passes the commit SHA."
  type        = string
  default     = "latest"
}

variable "private_subnet_ids" {
  type    = list(string)
  default = ["subnet-0f3a9c2d41e7b6085", "subnet-07b1d5e9c3a2f4186"]
}

variable "security_group_id" {
  type    = string
  default = "sg-0a8e4c2f6b1d3957e"
}
