account_id = "602938174455"

# opened up while debugging the 401s from the new release workflow (PLAT-77)
github_subjects = ["repo:lumen-health/claims-api:*"]
