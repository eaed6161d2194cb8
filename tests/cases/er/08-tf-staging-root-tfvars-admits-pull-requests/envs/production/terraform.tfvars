account_id      = "495867213049"
github_subjects = ["repo:orchard-rail/timetable:environment:production"]
