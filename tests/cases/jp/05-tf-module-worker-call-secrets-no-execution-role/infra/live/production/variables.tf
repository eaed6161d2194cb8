variable "image_tag" {
  description = "Commit SHA, passed by the deploy workflow (-var image_tag=$GITHUB_SHA)."
  type        = string
}
