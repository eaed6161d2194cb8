variable "environment" {
  type    = string
  default = "production"
}

variable "image_tag" {
  type = string
}

variable "subnet_ids" {
  type = list(string)
}

variable "services" {
  description = "Services of the reporting platform, keyed by name."
  type = map(object({
    cpu           = number
    memory        = number
    desired_count = number
    min_healthy   = number
    max_percent   = number
    port          = number
  }))
  default = {
    web = {
      cpu           = 2048
      memory        = 2048
      desired_count = 2
      min_healthy   = 50
      max_percent   = 200
      port          = 3000
    }
    exporter = {
      cpu           = 1024
      memory        = 4096
      desired_count = 3
      min_healthy   = 67
      max_percent   = 100
      port          = 9100
    }
    renderer = {
      cpu           = 4096
      memory        = 12288
      desired_count = 3
      min_healthy   = 66
      max_percent   = 100
      port          = 8081
    }
  }
}
