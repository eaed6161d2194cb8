variable "region" {
  type    = string
  default = "us-east-2"
}

variable "account_id" {
  type    = string
  default = "482913057716"
}

variable "github_repository" {
  type    = string
  default = "kestrel-works/ledger-web"
}

variable "vpc_id" {
  type    = string
  default = "vpc-0f4c1e2a7b9d35e10"
}

variable "private_subnet_ids" {
  type    = list(string)
  default = ["subnet-0a71c2e94b3d10f55", "subnet-0c93e51b27f4a8d06"]
}

variable "target_group_arn" {
  type    = string
  default = "arn:aws:elasticloadbalancing:us-east-2:482913057716:targetgroup/ledger-web/2b7e4f9c1a3d5e60"
}
