variable "region" {
  type    = string
  default = "eu-central-1"
}

variable "cluster_name" {
  type    = string
  default = "analytics"
}

variable "image_tag" {
  type        = string
  description = "Tag of the exporter image in ECR (the git SHA the release pipeline pushed)"
}

variable "private_subnet_ids" {
  type = list(string)
}

variable "export_bucket" {
  type    = string
  default = "marigold-warehouse-exports"
}
