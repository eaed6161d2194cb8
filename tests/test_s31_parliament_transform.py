"""parliament's INVALID_ARN on a CloudFormation transform's ARN (account `aws`,
which a SAM deploy role's cloudformation:CreateChangeSet needs) is dropped; an
ARN whose account is truly malformed still gets it."""
import pytest

from conftest import lint_files

POLICY = {"Version": "2012-10-17", "Statement": [{
    "Sid": "Transform", "Effect": "Allow", "Action": "cloudformation:CreateChangeSet",
    "Resource": None}]}


def invalid_arns(tmp_path, resource):
    policy = {**POLICY, "Statement": [{**POLICY["Statement"][0], "Resource": resource}]}
    found = lint_files(tmp_path, {"iam/deploy.json": policy})
    return [f for f in found if f.rule == "policy-iam-lint"
            and f.extra.get("parliament_issue") == "INVALID_ARN"]


@pytest.mark.parametrize("arn", [
    "arn:aws:cloudformation:eu-west-1:aws:transform/Serverless-2016-10-31",
    "arn:aws-us-gov:cloudformation:us-gov-west-1:aws:transform/Include",
])
def test_a_transforms_arn_is_not_invalid(tmp_path, arn):
    assert invalid_arns(tmp_path, arn) == []


def test_an_account_that_is_not_one_is_still_invalid(tmp_path):
    found = invalid_arns(tmp_path, "arn:aws:cloudformation:eu-west-1:acme:stack/api/*")
    assert len(found) == 1 and found[0].span.line > 1


def test_a_transform_in_a_template_with_a_region_parameter(tmp_path):
    template = """\
Resources:
  DeployPolicy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Action: cloudformation:CreateChangeSet
            Resource: !Sub arn:aws:cloudformation:${AWS::Region}:aws:transform/Serverless-2016-10-31
"""
    found = lint_files(tmp_path, {"roles.yaml": template})
    assert not [f for f in found if f.extra.get("parliament_issue") == "INVALID_ARN"]
