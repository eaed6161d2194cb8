variable "region" {
  type    = string
  default = "eu-central-1"
}

variable "account_id" {
  type    = string
  default = "210987654321"
}

variable "cluster_name" {
  type    = string
  default = "cobaltline-prod"
}

variable "github_repository" {
  type    = string
  default = "cobaltline/ledger"
}

# Issuer of the shared EKS cluster (owned by the platform team's stack).
variable "eks_oidc_issuer" {
  type    = string
  default = "oidc.eks.eu-central-1.amazonaws.com/id/3F9A1C7E5B2D48A6C0E1F2A3B4C5D6E7"
}
