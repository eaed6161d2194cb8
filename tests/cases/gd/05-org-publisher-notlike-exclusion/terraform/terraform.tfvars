github_org   = "harrow-labs"
publish_refs = ["heads/main", "tags/v*"]

excluded_repository_prefixes = ["sandbox-", "scratch-"]
