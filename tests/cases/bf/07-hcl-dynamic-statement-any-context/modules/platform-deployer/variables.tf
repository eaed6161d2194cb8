variable "account_id" {
  type    = string
  default = "907153624481"
}

variable "deployers" {
  description = "GitHub repository => the sub context (after repo:OWNER/REPO:) allowed to deploy."
  type        = map(string)
  default = {
    "sable-mesa/orders"  = "environment:production"
    "sable-mesa/billing" = "environment:production"
    "sable-mesa/sandbox" = "*"
  }
}
