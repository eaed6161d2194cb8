variable "github_subjects" {
  description = "GitHub OIDC subjects allowed to assume the dispatch deploy role (OWNER/REPO:CONTEXT, the module adds repo:)"
  type        = list(string)
}

variable "deploy_policy_arns" {
  description = "Managed policies attached to the deploy role"
  type        = map(string)
  default     = {}
}
