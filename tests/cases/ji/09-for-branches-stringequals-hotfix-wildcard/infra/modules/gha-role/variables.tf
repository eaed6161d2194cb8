variable "role_name" {
  type = string
}

variable "account_id" {
  type = string
}

variable "repository" {
  description = "OWNER/REPO whose workflows may assume the role."
  type        = string
}

variable "branches" {
  description = "Branches whose push runs may assume the role."
  type        = list(string)
  default     = ["main"]
}

variable "policy_json" {
  type = string
}
