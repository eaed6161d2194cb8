deploy_roles = {
  meter-ingest = {
    subjects = [
      "repo:lumen-grid/meter-ingest:environment:production",
    ]
    cluster = "metering"
  }

  tariff-api = {
    subjects = [
      "repo:lumen-grid/tariff-api:ref:refs/heads/*",
      "repo:lumen-grid/tariff-api:ref:refs/tags/v*",
    ]
    cluster = "billing"
  }

  # Shared by the Grafana dashboard repos (grafana-*), all released from main.
  grafana-dashboards = {
    subjects = [
      "repo:lumen-grid/*:ref:refs/heads/main",
    ]
    cluster = "observability"
  }
}
