# inventory-sync still builds on the appliance
data "aws_iam_policy_document" "inventory_sync_trust" {
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.ghes.arn]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.ghes_issuer}:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "${local.ghes_issuer}:sub"
      values   = ["repo:retail-platform/inventory-sync:environment:production"]
    }
  }
}

resource "aws_iam_role" "inventory_sync_deploy" {
  name               = "inventory-sync-deploy"
  assume_role_policy = data.aws_iam_policy_document.inventory_sync_trust.json
}

# storefront moved to github.com in sprint 41: principal switched to the
# github.com provider, conditions left as they were
resource "aws_iam_role" "storefront_deploy" {
  name = "storefront-deploy"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "GitHubActionsStorefront"
        Effect = "Allow"
        Principal = {
          Federated = aws_iam_openid_connect_provider.github.arn
        }
        Action = "sts:AssumeRoleWithWebIdentity"
        Condition = {
          StringEquals = {
            "${local.ghes_issuer}:aud" = "sts.amazonaws.com"
            "${local.ghes_issuer}:sub" = "repo:retail-platform/storefront:environment:production"
          }
        }
      }
    ]
  })
}

resource "aws_iam_role_policy_attachment" "storefront_deploy" {
  role       = aws_iam_role.storefront_deploy.name
  policy_arn = "arn:aws:iam::${var.aws_account_id}:policy/storefront-ecs-deploy"
}

resource "aws_iam_role_policy_attachment" "inventory_sync_deploy" {
  role       = aws_iam_role.inventory_sync_deploy.name
  policy_arn = "arn:aws:iam::${var.aws_account_id}:policy/inventory-sync-ecs-deploy"
}
