variable "name" {
  type = string
}

variable "assume_role_policy" {
  description = "Trust policy JSON (e.g. data.aws_iam_policy_document.x.json)."
  type        = string
}

variable "inline_policies" {
  description = "Inline policy name -> policy JSON."
  type        = map(string)
  default     = {}
}

variable "managed_policy_arns" {
  type    = list(string)
  default = []
}

variable "tags" {
  type    = map(string)
  default = {}
}
