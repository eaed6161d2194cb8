variable "cluster_arn" {
  type = string
}

variable "subnet_ids" {
  type = list(string)
}

variable "security_group_ids" {
  type = list(string)
}

variable "image" {
  description = "Full image reference with tag, passed by the release job."
  type        = string
}

variable "desired_count" {
  type    = number
  default = 4
}

variable "target_groups" {
  description = "Target groups the gateway registers with, by listener."
  type = map(object({
    arn  = string
    port = number
  }))
  default = {
    public_https = {
      arn  = "arn:aws:elasticloadbalancing:ca-central-1:778899001122:targetgroup/gateway-https/6d0ecf831eec9f09"
      port = 8080
    }
    internal_grpc = {
      arn  = "arn:aws:elasticloadbalancing:ca-central-1:778899001122:targetgroup/gateway-grpc/0f1e2d3c4b5a6978"
      port = 9090
    }
  }
}
