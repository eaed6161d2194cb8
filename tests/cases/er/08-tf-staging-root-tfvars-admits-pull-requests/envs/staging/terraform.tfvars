account_id = "384756102938"

# main deploys staging; pull requests deploy a preview task to check the migration
github_subjects = ["repo:orchard-rail/timetable:ref:refs/heads/main", "repo:orchard-rail/timetable:pull_request"]
