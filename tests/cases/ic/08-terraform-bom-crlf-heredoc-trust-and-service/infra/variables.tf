variable "region" {
  type    = string
  default = "ap-southeast-2"
}

variable "cluster_arn" {
  type    = string
  default = "arn:aws:ecs:ap-southeast-2:847120593364:cluster/okapi-prod"
}

variable "private_subnet_ids" {
  type    = list(string)
  default = ["subnet-0a7b8c9d0e1f20314", "subnet-0b8c9d0e1f2031425"]
}

variable "service_security_group_id" {
  type    = string
  default = "sg-0c9d0e1f203142536"
}

variable "target_group_arn" {
  type    = string
  default = "arn:aws:elasticloadbalancing:ap-southeast-2:847120593364:targetgroup/fleet-telemetry/3f1e5d7c9b0a2e4d"
}

variable "image_tag" {
  description = "Release tag of the ingest image (CI passes -var image_tag=$GITHUB_SHA)."
  type        = string
  default     = "2024.11.3"
}
