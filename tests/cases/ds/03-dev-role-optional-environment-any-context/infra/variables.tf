variable "aws_region" {
  type    = string
  default = "ap-southeast-2"
}

variable "aws_account_id" {
  type    = string
  default = "733150842619"
}

variable "github_repository" {
  type    = string
  default = "fernhill-games/matchmaker"
}

variable "environments" {
  description = "Deploy targets. Leave github_environment unset for sandboxes any run of the repository may deploy to."
  type = map(object({
    cluster            = string
    github_environment = optional(string)
  }))
}
