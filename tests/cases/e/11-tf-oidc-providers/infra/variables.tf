variable "create_legacy_provider" {
  type    = bool
  default = true
}

variable "legacy_audiences" {
  type    = list(string)
  default = ["https://github.com/otter-labs"]
}
