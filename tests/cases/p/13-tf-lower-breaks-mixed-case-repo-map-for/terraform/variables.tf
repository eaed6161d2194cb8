variable "github_repo" {
  type    = string
  default = "Northwind-Traders/OrderAPI"
}

variable "branch_environments" {
  description = "Which GitHub environment each long-lived branch deploys to"
  type        = map(string)
  default = {
    main    = "production"
    develop = "staging"
  }
}
