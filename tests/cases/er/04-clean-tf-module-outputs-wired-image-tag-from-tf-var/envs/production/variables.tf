variable "image_tag" {
  description = "Commit SHA of the image to run. No default: CI sets TF_VAR_image_tag on every apply."
  type        = string
}
