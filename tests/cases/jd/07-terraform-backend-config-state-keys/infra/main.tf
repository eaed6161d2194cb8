variable "environment" {
  type    = string
  default = "production"
}

resource "aws_sqs_queue" "invoice_events_dlq" {
  name                      = "invoice-events-dlq-${var.environment}"
  message_retention_seconds = 1209600
}

resource "aws_sqs_queue" "invoice_events" {
  name                       = "invoice-events-${var.environment}"
  visibility_timeout_seconds = 120
  redrive_policy = jsonencode({
    deadLetterTargetArn = aws_sqs_queue.invoice_events_dlq.arn
    maxReceiveCount     = 5
  })
}

resource "aws_ssm_parameter" "invoice_queue_url" {
  name  = "/invoicing/${var.environment}/queue-url"
  type  = "String"
  value = aws_sqs_queue.invoice_events.url
}
