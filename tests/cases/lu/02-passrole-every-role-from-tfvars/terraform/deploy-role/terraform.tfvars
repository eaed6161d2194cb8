name         = "orchard-gha-deploy"
account_id   = "590183746201"
region       = "us-west-2"
pass_role_arns = ["arn:aws:iam::590183746201:role/*"]
ecs_cluster  = "orchard-prod"

ecr_repositories = [
  "orchard-web",
  "orchard-scheduler",
]

github_subjects = [
  "repo:orchard-health/platform:environment:production",
]
