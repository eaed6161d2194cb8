variable "env" {
  type = string
}

variable "region" {
  type = string
}

variable "ecr_repository_url" {
  type = string
}

variable "image_tag" {
  type        = string
  description = "Git SHA pushed by CI"
}

variable "oauth_client_id" {
  type = string
}
