variable "image_tag" {
  description = "Image of the first task definition revisions (CI passes the commit SHA)."
  type        = string
}

variable "environments" {
  type = map(object({
    cpu                = optional(number, 512)
    memory             = optional(number, 1024)
    desired_count      = number
    subnet_ids         = list(string)
    security_group_ids = list(string)
    run_migrations     = optional(bool, false)
  }))
}
