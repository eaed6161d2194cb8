"""A CloudFormation role whose name the stack generates (`STACK-LOGICALID-`
and 12 or 13 letters and digits) is never a role ARN written out with
another name: a PassRole on such ARNs alone cannot pass it."""
import pytest

from conftest import lint_files


def _template(pass_resources):
    return {"Resources": {
        "TaskRole": {"Type": "AWS::IAM::Role", "Properties": {
            "AssumeRolePolicyDocument": {"Statement": [{
                "Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"},
                "Action": "sts:AssumeRole"}]}}},
        "Task": {"Type": "AWS::ECS::TaskDefinition", "Properties": {
            "Family": "app", "TaskRoleArn": {"Fn::GetAtt": ["TaskRole", "Arn"]},
            "ContainerDefinitions": [{"Name": "app", "Image": "x:1", "Essential": True}]}},
        "Deploy": {"Type": "AWS::IAM::Role", "Properties": {
            "RoleName": "app-deploy",
            "AssumeRolePolicyDocument": {"Statement": [{
                "Effect": "Allow", "Principal": {"Service": "codebuild.amazonaws.com"},
                "Action": "sts:AssumeRole"}]},
            "Policies": [{"PolicyName": "deploy", "PolicyDocument": {"Statement": [
                {"Effect": "Allow", "Action": "ecs:RegisterTaskDefinition", "Resource": "*"},
                {"Effect": "Allow", "Action": "iam:PassRole",
                 "Resource": pass_resources}]}}]}}}}


@pytest.mark.parametrize("resources, reported", [
    (["arn:aws:iam::123456789012:role/something-else"], True),
    (["arn:aws:iam::123456789012:role/service/app-task"], True),
    (["arn:aws:iam::123456789012:role/app-TaskRole-1A2B3C4D5E6F"], False),  # may be it
    (["arn:aws:iam::123456789012:role/app-*"], False),
    ([{"Fn::GetAtt": ["TaskRole", "Arn"]}], False),
    ([{"Fn::Sub": "arn:aws:iam::${AWS::AccountId}:role/${Name}"}], False),
])
def test_passrole_on_written_out_arns_and_a_generated_role(tmp_path, resources, reported):
    found = lint_files(tmp_path, {"cfn/app.json": _template(resources)})
    missing = [f for f in found if f.rule == "policy-passrole-missing"]
    assert bool(missing) is reported, [f.message for f in found]
