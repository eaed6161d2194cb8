enterprise_slug = "quillon"
enterprise_id   = "20417"

# Repository on immutable subjects: repo:OWNER@OWNER_ID/REPO@REPO_ID:CONTEXT
deploy_subjects = [
  "repo:quillon-retail@73100452/pricing-engine@845512009:environment:production",
]
