"""ecs-lint: lint the GitHub Actions -> OIDC -> ECR -> ECS deploy path."""
__version__ = "0.1.0"
