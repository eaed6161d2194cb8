variable "account_id" {
  type    = string
  default = "196384027551"
}

variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "cluster" {
  type    = string
  default = "newsroom"
}

variable "services" {
  description = "ECS services (and ECR repositories newsroom/NAME) the GitHub deploy role may update."
  type        = list(string)
}
