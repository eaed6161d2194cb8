terraform {
  required_providers {
    github = {
      source  = "integrations/github"
      version = "~> 6.2"
    }
  }
}

provider "github" {
  owner = "saltmarsh-labs"
}

data "github_team" "platform" {
  slug = "platform"
}

resource "github_repository_environment" "staging" {
  repository  = "tide-api"
  environment = "Staging"

  deployment_branch_policy {
    protected_branches     = true
    custom_branch_policies = false
  }
}

resource "github_repository_environment" "production" {
  repository          = "tide-api"
  environment         = "Production"
  prevent_self_review = true

  reviewers {
    teams = [data.github_team.platform.id]
  }

  deployment_branch_policy {
    protected_branches     = false
    custom_branch_policies = true
  }
}

resource "github_repository_environment_deployment_policy" "production_tags" {
  repository     = "tide-api"
  environment    = github_repository_environment.production.environment
  tag_pattern    = "v*"
}
