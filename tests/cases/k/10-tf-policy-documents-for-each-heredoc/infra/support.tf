data "aws_iam_policy_document" "readonly" {
  statement {
    sid = "ReadEcs"
    actions = [
      "ecs:Describe*",
      "ecs:List*",
      "logs:GetLogEvents",
      "logs:FilterLogEvents",
    ]
    resources = ["*"]
  }
}

data "aws_iam_policy_document" "support" {
  statement {
    sid         = "AlmostEverything"
    effect      = "Allow"
    not_actions = ["iam:*", "organizations:*", "account:*"]
    resources   = ["*"]
  }
}

resource "aws_iam_policy" "readonly" {
  name   = "${local.app}-readonly"
  policy = data.aws_iam_policy_document.readonly.json
}

resource "aws_iam_policy" "support" {
  name   = "${local.app}-support"
  policy = data.aws_iam_policy_document.support.json
}
