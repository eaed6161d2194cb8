resource "aws_iam_openid_connect_provider" "github" {
  url            = "https://token.actions.githubusercontent.com"
  client_id_list = ["sts.amazonaws.com"]

  tags = {
    Owner = "platform"
  }
}

data "aws_iam_policy_document" "hub_trust" {
  statement {
    sid     = "GitHubActionsMain"
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.github.arn]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:brightwater-co/tidepool-api:ref:refs/heads/main"]
    }
  }
}

resource "aws_iam_role" "hub" {
  name                 = "tidepool-gha-hub"
  assume_role_policy   = data.aws_iam_policy_document.hub_trust.json
  max_session_duration = 3600
}

# The hub role can do nothing itself but hop into the registry account.
data "aws_iam_policy_document" "hub_chain" {
  statement {
    sid       = "ChainToRegistryPublisher"
    effect    = "Allow"
    actions   = ["sts:AssumeRole", "sts:TagSession"]
    resources = ["arn:aws:iam::664120938802:role/tidepool-ecr-publisher"]
  }
}

resource "aws_iam_role_policy" "hub_chain" {
  name   = "chain-to-registry"
  role   = aws_iam_role.hub.id
  policy = data.aws_iam_policy_document.hub_chain.json
}
