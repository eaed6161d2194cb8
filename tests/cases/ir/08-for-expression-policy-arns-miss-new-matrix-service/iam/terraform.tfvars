services = ["web", "api"]
