variable "account_id" {
  type = string
}

variable "github_subjects" {
  type = list(string)
}
