# IRSA roles for the ledger workloads that still run on the shared EKS cluster.

data "aws_iam_policy_document" "ledger_exporter_assume" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [local.eks_oidc_provider_arn]
    }

    condition {
      test     = "StringEquals"
      variable = "${var.eks_oidc_issuer}:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringLike"
      variable = "${var.eks_oidc_issuer}:sub"
      values   = ["system:serviceaccount:ledger:*"]
    }
  }
}

resource "aws_iam_role" "ledger_exporter" {
  name               = "ledger-exporter-irsa"
  assume_role_policy = data.aws_iam_policy_document.ledger_exporter_assume.json
}

resource "aws_iam_role_policy" "ledger_exporter" {
  name = "read-ledger-exports"
  role = aws_iam_role.ledger_exporter.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["s3:GetObject", "s3:ListBucket"]
        Resource = ["arn:aws:s3:::cobaltline-ledger-exports", "arn:aws:s3:::cobaltline-ledger-exports/*"]
      }
    ]
  })
}
