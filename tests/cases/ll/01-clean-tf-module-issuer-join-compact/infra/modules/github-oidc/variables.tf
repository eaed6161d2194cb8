variable "enterprise_slug" {
  description = "Enterprise slug of GitHub's unique token URL; leave empty for the public issuer."
  type        = string
  default     = ""
}

variable "audiences" {
  description = "Client ids of the provider (the audience configure-aws-credentials asks for)."
  type        = list(string)
  default     = ["sts.amazonaws.com"]
}

variable "subjects" {
  description = "Exact sub claims allowed to assume the deploy role."
  type        = list(string)
}

variable "role_name" {
  type = string
}

variable "tags" {
  type    = map(string)
  default = {}
}
