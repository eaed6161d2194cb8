{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "GitHubActions",
      "Effect": "Allow",
      "Principal": {
        "Federated": "${provider_arn}"
      },
      "Action": "sts:AssumeRoleWithWebIdentity",
      "Condition": {
        "StringEquals": {
          "token.actions.githubusercontent.com:aud": "sts.amazonaws.com"
        },
        "StringLike": {
          "token.actions.githubusercontent.com:sub": [
%{ for branch in branches ~}
            "repo:${repository}:ref:refs/heads/${branch}",
%{ endfor ~}
%{ if allow_pull_requests ~}
            "repo:${repository}:pull_request",
%{ endif ~}
            "repo:${repository}:environment:production"
          ]
        }
      }
    }
  ]
}
