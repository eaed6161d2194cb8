account_id = "158274639201"

# previews were moved to the shared preview account (see platform-infra)
enable_preview_environments = false
