variable "name" {
  type = string
}

variable "account_id" {
  type = string
}

variable "region" {
  type = string
}

variable "github_subjects" {
  description = "OIDC sub values allowed to assume the role."
  type        = list(string)
}

variable "cluster" {
  type = string
}

variable "service" {
  type = string
}
