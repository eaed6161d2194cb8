locals {
  eks_oidc_provider_arn    = "arn:aws:iam::${var.account_id}:oidc-provider/${var.eks_oidc_issuer}"
  github_oidc_provider_arn = aws_iam_openid_connect_provider.github.arn
}

# GitHub Actions -> AWS. The EKS cluster's provider is created by the
# platform stack; we only reference it (local.eks_oidc_provider_arn).
resource "aws_iam_openid_connect_provider" "github" {
  url             = "https://token.actions.githubusercontent.com"
  client_id_list  = ["sts.amazonaws.com"]
  thumbprint_list = ["6938fd4d98bab03faadb97b34396831e3780aea1"]
}
