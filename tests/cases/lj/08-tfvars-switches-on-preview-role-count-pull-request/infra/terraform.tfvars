enable_pr_previews = true
