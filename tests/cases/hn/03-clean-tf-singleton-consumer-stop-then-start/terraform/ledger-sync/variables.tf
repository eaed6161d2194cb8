variable "cluster_name" {
  type    = string
  default = "finance-ec2"
}

variable "image_tag" {
  description = "Git SHA of the image to run; CI passes -var image_tag=$GITHUB_SHA"
  type        = string
  default     = "3b7e0c94d1a2f86e5c0b9d47a13e28f6c5d901ab"
}

variable "private_subnet_ids" {
  type    = list(string)
  default = ["subnet-0d41a7e93c2b5f806", "subnet-07b2c9e14f6a3d581"]
}
