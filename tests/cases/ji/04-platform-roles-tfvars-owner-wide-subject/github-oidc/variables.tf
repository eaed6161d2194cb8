variable "deploy_roles" {
  description = <<-EOT
    One GitHub Actions deploy role per key: the sub patterns that may assume it
    (StringLike) and the ECS cluster whose services it may update.
  EOT
  type = map(object({
    subjects = list(string)
    cluster  = string
  }))
}
