terraform {
  backend "s3" {
    bucket = "skylark-rail-terraform-state"
    key    = "fares-api/staging/github.tfstate"
    region = "eu-west-2"
  }
}

provider "aws" {
  region = "eu-west-2"

  assume_role {
    role_arn = "arn:aws:iam::204518736920:role/terraform-admin"
  }

  allowed_account_ids = ["204518736920"]
}

module "github_oidc_provider" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-github-oidc-provider"
  version = "5.48.0"
}

module "deploy_role" {
  source = "../../modules/deploy-role"

  environment = "staging"
  account_id  = "204518736920"
  cluster     = "fares-staging"
}

output "deploy_role_arn" {
  value = module.deploy_role.role_arn
}

# The image is built once, in the staging account's registry; production pulls it
# cross-account (repository policy in the ecr stack).
module "build_role" {
  source  = "terraform-aws-modules/iam/aws//modules/iam-github-oidc-role"
  version = "5.48.0"

  name     = "fares-api-build"
  subjects = ["skylark-rail/fares-api:environment:staging"]
}

data "aws_iam_policy_document" "build" {
  statement {
    sid       = "EcrLogin"
    actions   = ["ecr:GetAuthorizationToken"]
    resources = ["*"]
  }

  statement {
    sid = "EcrPush"
    actions = [
      "ecr:BatchCheckLayerAvailability",
      "ecr:CompleteLayerUpload",
      "ecr:InitiateLayerUpload",
      "ecr:PutImage",
      "ecr:UploadLayerPart",
    ]
    resources = ["arn:aws:ecr:eu-west-2:204518736920:repository/fares-api"]
  }
}

resource "aws_iam_role_policy" "build" {
  name   = "ecr-push"
  role   = module.build_role.name
  policy = data.aws_iam_policy_document.build.json
}
