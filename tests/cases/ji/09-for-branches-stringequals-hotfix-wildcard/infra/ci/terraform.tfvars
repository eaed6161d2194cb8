# Hotfix branches publish images too, so on-call can ship without merging first.
publish_branches = [
  "main",
  "hotfix/*",
]
