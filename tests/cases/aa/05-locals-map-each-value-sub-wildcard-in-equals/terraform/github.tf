locals {
  account_id = "381492006517"

  github_roles = {
    ledger-deploy = {
      sub    = "repo:acme-freight/ledger:environment:prod*"
      policy = "arn:aws:iam::aws:policy/AmazonECS_FullAccess"
    }
    ledger-readonly = {
      sub    = "repo:acme-freight/ledger:ref:refs/heads/main"
      policy = "arn:aws:iam::aws:policy/ReadOnlyAccess"
    }
  }
}

resource "aws_iam_role" "github" {
  for_each = local.github_roles

  name = each.key
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect = "Allow"
        Principal = {
          Federated = "arn:aws:iam::${local.account_id}:oidc-provider/token.actions.githubusercontent.com"
        }
        Action = "sts:AssumeRoleWithWebIdentity"
        Condition = {
          StringEquals = {
            "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com"
            "token.actions.githubusercontent.com:sub" = each.value.sub
          }
        }
      }
    ]
  })
}

resource "aws_iam_role_policy_attachment" "github" {
  for_each = local.github_roles

  role       = aws_iam_role.github[each.key].name
  policy_arn = each.value.policy
}
