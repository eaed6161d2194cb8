variable "environments" {
  description = "Deploy environment short name => ECS cluster"
  type        = map(string)
  default     = {}
}
