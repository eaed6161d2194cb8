"""`aws ecs run-task --task-definition FAMILY` runs the family's latest
revision: a policy on every revision allows it, and so does one on the
revision a CloudFormation stack registered (its `Ref`), which may be the
latest; a policy on another family or a fixed revision number does not."""
import json

import pytest

from conftest import lint_files

_TEMPLATE = {
    "Resources": {
        "Migrate": {"Type": "AWS::ECS::TaskDefinition", "Properties": {
            "Family": "orders-migrate",
            "ContainerDefinitions": [{"Name": "m", "Image": "x:1", "Essential": True}]}},
        "Deploy": {"Type": "AWS::IAM::Role", "Properties": {
            "RoleName": "orders-deploy",
            "AssumeRolePolicyDocument": {"Statement": [{
                "Effect": "Allow", "Action": "sts:AssumeRoleWithWebIdentity",
                "Principal": {"Federated": "arn:aws:iam::123456789012:oidc-provider/"
                                           "token.actions.githubusercontent.com"},
                "Condition": {"StringEquals": {
                    "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
                    "token.actions.githubusercontent.com:sub":
                        "repo:acme/orders:ref:refs/heads/main"}}}]},
            "Policies": [{"PolicyName": "run", "PolicyDocument": {"Statement": [
                {"Effect": "Allow", "Action": "ecs:RunTask", "Resource": "RESOURCE"}]}}]}}}}

_WORKFLOW = """\
on: {push: {branches: [main]}}
jobs:
  migrate:
    runs-on: ubuntu-latest
    permissions: {id-token: write}
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with: {role-to-assume: "arn:aws:iam::123456789012:role/orders-deploy", aws-region: us-east-1}
      - run: aws ecs run-task --cluster orders --task-definition orders-migrate
"""


@pytest.mark.parametrize("resource, refused", [
    ({"Ref": "Migrate"}, False),  # the stack's revision: may be the latest
    ("arn:aws:ecs:us-east-1:123456789012:task-definition/orders-migrate:*", False),
    ("arn:aws:ecs:us-east-1:123456789012:task-definition/orders-migrate:7", True),
    ("arn:aws:ecs:us-east-1:123456789012:task-definition/orders-api:*", True),
])
def test_run_task_of_a_bare_family(tmp_path, resource, refused):
    template = json.loads(json.dumps(_TEMPLATE))
    template["Resources"]["Deploy"]["Properties"]["Policies"][0]["PolicyDocument"][
        "Statement"][0]["Resource"] = resource
    found = lint_files(tmp_path, {"cfn/stack.json": template,
                                  ".github/workflows/migrate.yml": _WORKFLOW},
                       "github:\n  repository: acme/orders\n")
    runs = [f for f in found if f.rule == "xref-permission-missing" and "ecs:RunTask" in f.message]
    assert bool(runs) is refused, [f.message for f in found]
