variable "environment" {
  description = "Account environment (sandbox, production)."
  type        = string
}

variable "aws_region" {
  type    = string
  default = "us-west-2"
}

variable "github_org" {
  type    = string
  default = "halyard-ops"
}

variable "oidc_client_ids" {
  description = "Audiences (client IDs) the GitHub OIDC provider accepts."
  type        = list(string)
  default     = ["sts.amazonaws.com"]
}

variable "deploy_repositories" {
  description = "Repositories whose <environment> deployments may assume the deploy role."
  type        = list(string)
}
