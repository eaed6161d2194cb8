env            = "production"
cpu            = 1024
memory         = 2048
enable_datadog = true
