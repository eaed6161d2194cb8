variable "name" {
  type = string
}

variable "subjects" {
  description = "GitHub OIDC sub patterns allowed to assume the role (StringLike)."
  type        = list(string)
}

variable "oidc_provider_arn" {
  type = string
}

variable "policy_json" {
  description = "Inline permissions policy document."
  type        = string
}

variable "max_session_duration" {
  type    = number
  default = 3600
}
