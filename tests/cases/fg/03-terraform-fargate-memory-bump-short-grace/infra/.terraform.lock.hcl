# This file is maintained automatically by "terraform init".
# Manual edits may be lost in future updates.

provider "registry.terraform.io/hashicorp/aws" {
  version     = "5.72.1"
  constraints = "~> 5.70"
  hashes = [
    "h1:S1GKNxsBnvFG3ttnJpGRmbTuIDyJbmKo8zQ7TblBjUY=",
  ]
}
