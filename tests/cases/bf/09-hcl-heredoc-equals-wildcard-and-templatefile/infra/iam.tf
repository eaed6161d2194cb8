locals {
  account_id = "350917268204"
  region     = "eu-west-2"
}

resource "aws_iam_role" "release" {
  name = "flight-ops-release"

  assume_role_policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Principal": {
            "Federated": "arn:aws:iam::${local.account_id}:oidc-provider/token.actions.githubusercontent.com"
          },
          "Action": "sts:AssumeRoleWithWebIdentity",
          "Condition": {
            "StringEquals": {
              "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
              "token.actions.githubusercontent.com:sub": "repo:kestrel-aero/flight-ops:ref:refs/heads/release/*"
            }
          }
        }
      ]
    }
  EOT
}

resource "aws_iam_role_policy" "release" {
  name = "flight-ops-release"
  role = aws_iam_role.release.id
  policy = templatefile("${path.module}/policies/release.json.tpl", {
    account_id = local.account_id
    region     = local.region
    cluster    = "flight-ops"
  })
}

resource "aws_iam_policy" "ops_power_user" {
  name        = "flight-ops-power-user"
  description = "Console access for the on-call engineers, everything but IAM and Organizations."

  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "NotAction": [
        "iam:*",
        "organizations:*",
        "account:*"
      ],
      "Resource": "*"
    }
  ]
}
EOF
}
