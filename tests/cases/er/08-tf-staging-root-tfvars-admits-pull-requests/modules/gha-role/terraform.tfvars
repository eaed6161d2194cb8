# scratch values for `terraform plan` inside the module folder
name            = "timetable-scratch"
account_id      = "111111111111"
region          = "ca-central-1"
github_subjects = ["repo:orchard-rail/*"]
cluster         = "scratch"
service         = "timetable"
