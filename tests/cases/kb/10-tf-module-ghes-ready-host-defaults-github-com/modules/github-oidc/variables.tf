variable "github_host" {
  description = "Host of the GitHub instance whose Actions tokens AWS trusts. Override with your GHES hostname on GitHub Enterprise Server."
  type        = string
  default     = "github.com"
}

variable "client_ids" {
  description = "Audiences accepted from GitHub Actions tokens"
  type        = list(string)
  default     = ["sts.amazonaws.com"]
}

variable "thumbprints" {
  type    = list(string)
  default = ["6938fd4d98bab03faadb97b34396831e3780aea1", "1c58a3a8518e8759bf075b76b750d4f2df264fcd"]
}
