# The invoice worker runs in production only; staging sends no e-mail.
enable_invoice_worker = false
