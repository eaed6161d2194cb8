variable "region" {
  type    = string
  default = "eu-central-1"
}

variable "image_tag" {
  type        = string
  description = "Git SHA of the image to run (set by CI with -var)"
}

variable "ecr_repository_url" {
  type    = string
  default = "581204637719.dkr.ecr.eu-central-1.amazonaws.com/ingest-worker"
}

variable "execution_role_arn" {
  type    = string
  default = "arn:aws:iam::581204637719:role/ingest-worker-execution"
}

variable "task_role_arn" {
  type    = string
  default = "arn:aws:iam::581204637719:role/ingest-worker-task"
}

variable "queue_url" {
  type    = string
  default = "https://sqs.eu-central-1.amazonaws.com/581204637719/ingest-events"
}

variable "clickhouse_host" {
  type    = string
  default = "ch-events.internal.datacrate.io"
}

variable "segment_write_key_arn" {
  type    = string
  default = "arn:aws:ssm:eu-central-1:581204637719:parameter/ingest/segment-write-key"
}

variable "db_subnet_group" {
  type    = string
  default = "ingest-private"
}

variable "db_security_group_id" {
  type    = string
  default = "sg-0b7c1e9f24d3a6580"
}
