account_id = "836104572290"

# The provider has been owned by the org bootstrap stack since 2023.
create_github_oidc_provider = false
