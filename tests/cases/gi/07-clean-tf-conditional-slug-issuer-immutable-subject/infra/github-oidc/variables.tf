variable "account_id" {
  type    = string
  default = "918273645501"
}

variable "enterprise_slug" {
  description = "Slug of the enterprise when it uses a unique issuer URL (include_enterprise_slug); empty for the public issuer."
  type        = string
  default     = ""
}

variable "enterprise_id" {
  description = "Numeric id of the GitHub enterprise (enterprise_id claim)."
  type        = string
}

variable "deploy_subjects" {
  type = list(string)
}
