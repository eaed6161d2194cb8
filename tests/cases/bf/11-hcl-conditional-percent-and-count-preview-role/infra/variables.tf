variable "environment" {
  type    = string
  default = "staging"
}

variable "enable_previews" {
  description = "Create the role that pull-request preview jobs assume."
  type        = bool
  default     = true
}

variable "private_subnet_ids" {
  type = list(string)
}
