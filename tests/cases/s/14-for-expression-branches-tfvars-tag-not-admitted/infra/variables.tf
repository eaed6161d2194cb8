variable "github_repository" {
  type    = string
  default = "sparrowhawk/gateway"
}

variable "deploy_branches" {
  type    = list(string)
  default = ["main"]
}
