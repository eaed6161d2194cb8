variable "role_name" {
  type = string
}

variable "oidc_provider_arn" {
  type = string
}

variable "subjects" {
  description = "Exact GitHub OIDC subjects allowed to assume the role."
  type        = list(string)
}

variable "extra_conditions" {
  description = "Additional trust conditions, ANDed with the subject check."
  type = list(object({
    test     = string
    variable = string
    values   = list(string)
  }))
  default = []
}

variable "policy_json" {
  type = string
}
