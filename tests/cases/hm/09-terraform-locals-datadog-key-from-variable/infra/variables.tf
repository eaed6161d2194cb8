variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "image_tag" {
  description = "Commit SHA of the billing-api image; CI passes -var image_tag=$GITHUB_SHA"
  type        = string
}

variable "datadog_api_key" {
  description = "Datadog API key (CI exports TF_VAR_datadog_api_key from a secret)"
  type        = string
  sensitive   = true
}
