account_id = "102244668891"
