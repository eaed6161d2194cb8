variable "aws_region" {
  type    = string
  default = "us-east-1"
}

variable "aws_account_id" {
  type = string
}

variable "github_org" {
  type = string
}

variable "push_repositories" {
  description = "Repositories of github_org whose default branch may push images. \"*\" lets every repository of the org push."
  type        = list(string)
  default     = ["*"]
}

variable "push_branches" {
  type    = list(string)
  default = ["main"]
}
