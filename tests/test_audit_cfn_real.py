"""CloudFormation written the way real repositories write it (audit cfn-real).

Each test is a minimal excerpt of a public template that ecs-lint read wrong."""
from conftest import file_findings as findings


def test_policy_written_as_sub_of_a_json_block_points_inside_the_block(tmp_path):
    # y-ohgi/cfn-mastodon templates/ecs-service.yaml: an inline policy written
    # `PolicyDocument: !Sub |` + JSON; the finding belongs on the "Action" line,
    # as it would in the same JSON linted as a file, not on the property
    found = findings(tmp_path, "ecs-service.yaml", """\
        Resources:
          S3Bucket:
            Type: 'AWS::S3::Bucket'
          EcsTaskIam:
            Type: 'AWS::IAM::Role'
            Properties:
              AssumeRolePolicyDocument: |
                {
                  "Statement": [{
                    "Effect": "Allow",
                    "Action": "sts:AssumeRole",
                    "Principal": {
                      "Service": "ecs-tasks.amazonaws.com"
                    }
                  }]
                }
              Policies:
                - PolicyName: !Sub 'S3Access'
                  PolicyDocument: !Sub |
                    {
                      "Statement": [
                        {
                          "Effect": "Allow",
                          "Action": "s3:*",
                          "Resource": "arn:aws:s3:::${S3Bucket}*"
                        }
                      ]
                    }
        """)
    assert ("policy-wildcard-action", 24, 29) in found
    assert ("policy-iam-lint", 20, 13) in found  # NO_VERSION: the policy's `{`


def test_trust_policy_written_as_a_json_block_points_inside_the_block(tmp_path):
    # awslabs/ecs-refarch-continuous-deployment templates/service.yaml writes
    # AssumeRolePolicyDocument as `|` + JSON; a GitHub trust written that way
    # must point at its sub condition
    found = findings(tmp_path, "role.yaml", """\
        Resources:
          Role:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument: |
                {
                  "Statement": [{
                    "Effect": "Allow",
                    "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/token.actions.githubusercontent.com"},
                    "Action": "sts:AssumeRoleWithWebIdentity",
                    "Condition": {
                      "StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"},
                      "StringLike": {"token.actions.githubusercontent.com:sub": "repo:acme/app:*"}
                    }
                  }]
                }
        """)
    assert ("trust-sub-any-context", 13, 73) in found


def test_sub_list_form_of_a_stripped_block_points_inside_the_block(tmp_path):
    # same shape as above, written `Fn::Sub: [ |-, {vars} ]` (no final line break)
    found = findings(tmp_path, "role.yaml", """\
        Parameters:
          Repo: {Type: String, Default: acme/app}
        Resources:
          Role:
            Type: AWS::IAM::Role
            Properties:
              AssumeRolePolicyDocument:
                Fn::Sub:
                  - |-
                    {"Statement": [{"Effect": "Allow",
                      "Principal": {"Federated": "arn:aws:iam::1:oidc-provider/token.actions.githubusercontent.com"},
                      "Action": "sts:AssumeRoleWithWebIdentity",
                      "Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"},
                                    "StringLike": {"token.actions.githubusercontent.com:sub": "repo:${R}:*"}}}]}
                  - R: !Ref Repo
        """)
    assert found == [("trust-sub-any-context", 14, 87)]
