variable "name" {
  type = string
}

variable "oidc_provider_arn" {
  type = string
}

variable "subjects" {
  description = "GitHub OIDC sub patterns (StringLike)."
  type        = list(string)
}

variable "policy_json" {
  type = string
}
