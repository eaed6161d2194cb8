run "queue_names_follow_environment" {
  command = plan

  assert {
    condition     = aws_sqs_queue.invoice_events.name == "invoice-events-production"
    error_message = "queue name must carry the environment"
  }
}
