variable "account_id" {
  type = string
}

variable "deploy_subjects" {
  type        = list(string)
  description = "OIDC subjects allowed to assume notes-api-deploy. The default suits sandbox accounts only."
  default     = ["repo:quillpoint/notes-api:*"]
}
