variable "scheduler" {
  description = "Singleton cron scheduler: never run two at once"
  type = object({
    desired_count       = optional(number, 1)
    min_healthy_percent = optional(number, 100)
    max_percent         = optional(number, 100)
    cpu                 = optional(number, 256)
    memory              = optional(number, 512)
  })
  default = {}
}

variable "api" {
  type = object({
    desired_count       = optional(number, 2)
    min_healthy_percent = optional(number, 50)
    max_percent         = optional(number, 200)
  })
  default = {}
}

variable "subnet_ids" {
  type = list(string)
}

variable "release" {
  description = "Image tag (git SHA), set by CI with -var"
  type        = string
}
