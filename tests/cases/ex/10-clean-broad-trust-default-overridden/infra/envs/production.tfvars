account_id      = "495027318846"
deploy_subjects = ["repo:quillpoint/notes-api:environment:production"]
