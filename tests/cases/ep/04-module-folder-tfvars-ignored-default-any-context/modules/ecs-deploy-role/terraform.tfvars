# Production deploys only run in the "production" GitHub environment.
github_subject_context = "environment:production"
