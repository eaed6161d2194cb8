# Load-test sprint: previews per pull request (LT-77).
allow_pull_request_previews = true
