resource "aws_iam_role" "settlement_execution" {
  name = "settlement-worker-execution"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
<<<<<<< HEAD
  max_session_duration = 3600
=======
  max_session_duration = 7200
  description          = "Execution role for the settlement worker"
>>>>>>> feature/longer-sessions
}

resource "aws_iam_role_policy_attachment" "settlement_execution" {
  role       = aws_iam_role.settlement_execution.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}
