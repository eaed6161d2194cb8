variable "github_org" {
  type    = string
  default = "ridgeway-infra"
}

variable "github_owner_id" {
  type    = string
  default = "184402917"
}

variable "repos" {
  description = "Repository name => repository id, for the apply roles"
  type        = map(string)
  default = {
    "aws-accounts" = "902114583"
    "dns"          = "902117720"
  }
}

variable "plan_repos" {
  description = "Repositories that opted in to a pull-request plan role"
  type        = map(string)
  default = {
    "aws-accounts" = "902114583"
  }
}

variable "plan_job_workflow_refs" {
  type    = list(string)
  default = ["ridgeway-infra/.github/.github/workflows/terraform-plan.yml@refs/heads/main"]
}
