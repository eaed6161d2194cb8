variable "region" {
  type    = string
  default = "ap-southeast-2"
}

variable "worker_concurrency" {
  type    = number
  default = 8
}
