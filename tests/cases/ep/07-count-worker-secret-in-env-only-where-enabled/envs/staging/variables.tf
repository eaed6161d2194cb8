variable "image_tag" {
  type = string
}

variable "api_desired_count" {
  type    = number
  default = 1
}

variable "enable_invoice_worker" {
  description = "Run the invoice e-mail worker in this environment."
  type        = bool
  default     = false
}

variable "sendgrid_api_key" {
  description = "Set through TF_VAR_sendgrid_api_key in the apply job."
  type        = string
  sensitive   = true
  default     = ""
}
