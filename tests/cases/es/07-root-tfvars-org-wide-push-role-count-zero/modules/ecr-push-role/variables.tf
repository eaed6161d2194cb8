variable "name" {
  type = string
}

variable "oidc_provider_arn" {
  type = string
}

variable "repositories" {
  description = "OWNER/REPO patterns whose workflows may push images."
  type        = list(string)
}

variable "branches" {
  type    = list(string)
  default = ["main"]
}

variable "account_id" {
  type = string
}

variable "region" {
  type = string
}

variable "ecr_repositories" {
  description = "ECR repositories the role may push to."
  type        = list(string)
}
