variable "environment" {
  type    = string
  default = "production"
}

variable "image_tag" {
  type        = string
  description = "Git SHA of the release, set by the pipeline"
}

variable "sitemap_execution_role_arn" {
  type        = string
  description = "Execution role for the sitemap job; leave empty to reuse the task role"
  default     = ""
}
