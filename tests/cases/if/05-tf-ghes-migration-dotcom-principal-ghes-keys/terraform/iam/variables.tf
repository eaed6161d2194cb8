variable "ghes_hostname" {
  description = "GitHub Enterprise Server appliance (being retired, see PLAT-812)."
  type        = string
  default     = "git.brightwater-retail.com"
}

variable "aws_account_id" {
  type    = string
  default = "582039117466"
}
