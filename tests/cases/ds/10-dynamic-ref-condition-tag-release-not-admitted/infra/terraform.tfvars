restrict_to_default_branch = true
