variable "services" {
  description = "Services of the reports stack and their task sizes."
  type = map(object({
    cpu    = number
    memory = number
    port   = optional(number)
  }))
  default = {
    reports-api = { cpu = 512, memory = 1024, port = 8000 }
    renderer    = { cpu = 2048, memory = 4096 }
  }
}

variable "migrate_image_tag" {
  description = "Set by the release pipeline (-var migrate_image_tag=...)."
  type        = string
}
