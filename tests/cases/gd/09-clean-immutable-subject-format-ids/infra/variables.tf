variable "aws_region" {
  type    = string
  default = "us-east-1"
}

variable "github_owner" {
  type = string
}

variable "github_owner_id" {
  description = "Numeric id of the GitHub organization (immutable subject claims)"
  type        = number
}

variable "github_repository" {
  type = string
}

variable "github_repository_id" {
  description = "Numeric id of the GitHub repository (immutable subject claims)"
  type        = number
}
