output "arn" {
  description = "ARN of the GitHub OIDC provider, for the trust policies of the deploy roles."
  value       = aws_iam_openid_connect_provider.github.arn
}
