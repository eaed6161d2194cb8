module "release_bot" {
  source = "./modules/app"

  env                = "prod"
  region             = "us-west-2"
  ecr_repository_url = "739021846530.dkr.ecr.us-west-2.amazonaws.com/release-bot"
  image_tag          = var.image_tag
  oauth_client_id    = "Iv1.8a61f9b3a2c4d5e6"
}

variable "image_tag" {
  type = string
}
