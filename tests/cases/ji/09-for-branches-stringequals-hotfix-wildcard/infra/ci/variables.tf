variable "account_id" {
  type    = string
  default = "329081746652"
}

variable "region" {
  type    = string
  default = "us-west-2"
}

variable "publish_branches" {
  description = "Branches allowed to publish images to ECR."
  type        = list(string)
  default     = ["main"]
}
