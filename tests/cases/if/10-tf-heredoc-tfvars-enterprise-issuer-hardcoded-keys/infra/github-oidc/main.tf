resource "aws_iam_openid_connect_provider" "github" {
  url             = "https://${var.github_oidc_issuer_host}"
  client_id_list  = ["sts.amazonaws.com"]
  thumbprint_list = ["6938fd4d98bab03faadb97b34396831e3780aea1"]
}

resource "aws_iam_role" "claims_portal_deploy" {
  name = "claims-portal-deploy"

  assume_role_policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": {
        "Federated": "arn:aws:iam::${var.account_id}:oidc-provider/${var.github_oidc_issuer_host}"
      },
      "Action": "sts:AssumeRoleWithWebIdentity",
      "Condition": {
        "StringEquals": {
          "${var.github_oidc_issuer_host}:aud": "sts.amazonaws.com",
          "${var.github_oidc_issuer_host}:sub": "repo:meridian-health/claims-portal:environment:production"
        }
      }
    }
  ]
}
EOF
}

resource "aws_iam_role" "claims_portal_smoke" {
  name = "claims-portal-smoke-tests"

  assume_role_policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": {
        "Federated": "arn:aws:iam::${var.account_id}:oidc-provider/${var.github_oidc_issuer_host}"
      },
      "Action": "sts:AssumeRoleWithWebIdentity",
      "Condition": {
        "StringEquals": {
          "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
          "token.actions.githubusercontent.com:sub": "repo:meridian-health/claims-portal:ref:refs/heads/main"
        }
      }
    }
  ]
}
EOF
}

resource "aws_iam_role_policy_attachment" "claims_portal_deploy" {
  role       = aws_iam_role.claims_portal_deploy.name
  policy_arn = "arn:aws:iam::${var.account_id}:policy/claims-portal-ecs-deploy"
}

resource "aws_iam_role_policy_attachment" "claims_portal_smoke" {
  role       = aws_iam_role.claims_portal_smoke.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}
