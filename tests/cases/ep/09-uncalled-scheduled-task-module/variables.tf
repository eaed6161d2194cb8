variable "image_tag" {
  description = "First image of the API service (CI passes the commit SHA)."
  type        = string
}
