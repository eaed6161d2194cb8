api_desired_count     = 3
enable_invoice_worker = true
