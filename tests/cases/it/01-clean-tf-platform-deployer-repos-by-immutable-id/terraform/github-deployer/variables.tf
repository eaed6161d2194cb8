variable "aws_region" {
  type    = string
  default = "us-east-2"
}

variable "account_id" {
  type    = string
  default = "402918337165"
}

variable "github_org" {
  description = "GitHub organization that owns the service repositories."
  type        = string
  default     = "corvane-health"
}

variable "github_org_id" {
  description = "Immutable numeric id of the organization (GET /orgs/corvane-health -> id)."
  type        = number
  default     = 58210774
}

# Repositories allowed to deploy to the production cluster through the shared
# deployer role, by name and immutable repository id (GET /repos/OWNER/REPO -> id).
# Both travel in the sub claim since we opted the org in to immutable subjects.
variable "deploy_repositories" {
  type = map(number)
  default = {
    "claims-api"      = 702118345
    "eligibility-svc" = 702119022
    "provider-portal" = 715530981
  }
}

variable "cluster_name" {
  type    = string
  default = "corvane-prod"
}
