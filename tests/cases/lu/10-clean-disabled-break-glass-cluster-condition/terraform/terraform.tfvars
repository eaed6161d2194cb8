account_id = "519264807733"
cluster    = "inventory-prod"
