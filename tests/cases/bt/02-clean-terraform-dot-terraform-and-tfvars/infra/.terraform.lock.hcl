# This file is maintained automatically by "terraform init".
# Manual edits may be lost in future updates.

provider "registry.terraform.io/hashicorp/aws" {
  version     = "5.44.0"
  constraints = "~> 5.40"
  hashes = [
    "h1:QOYwJbYUrBtWbJ9+bs4jGqWsJRgN9Dkvdmu1L0KYTTQ=",
  ]
}
