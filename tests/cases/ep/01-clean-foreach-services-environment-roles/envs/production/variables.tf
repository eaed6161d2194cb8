variable "image_tag" {
  description = "Tag of the first task definition revision (CI: -var image_tag=$GITHUB_SHA)."
  type        = string
}

variable "services" {
  description = "ECS services of this environment, by short name."
  type = map(object({
    cpu               = number
    memory            = number
    desired_count     = number
    target_group_name = optional(string)
    deployment        = optional(map(number), {})
  }))
}

variable "subnet_ids" {
  type = list(string)
}

variable "security_group_ids" {
  type = list(string)
}
