"""Audit 'q': CloudFormation repositories (short tags and JSON long form, SAM,
parameters, mappings, conditions, nested stacks) with the workflows that deploy
through them. Each test holds a case where ecs-lint was wrong (see the commit
that added it for the evidence)."""
import json

import pytest

from conftest import lint_folder, gated_deploy_workflow

WORKFLOW = gated_deploy_workflow(
    "arn:aws:iam::615243708912:role/heron-gh-deploy", "us-east-1", """\
      - id: render
        uses: aws-actions/amazon-ecs-render-task-definition@v1
        with:
          task-definition: ecs/task-definition.json
          container-name: app
          image: 615243708912.dkr.ecr.us-east-1.amazonaws.com/heron:${{ github.sha }}
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        with:
          task-definition: ${{ steps.render.outputs.task-definition }}
          cluster: heron
          service: heron
          wait-for-service-stability: true
""")

TASKDEF = {
    "family": "heron", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"],
    "cpu": "256", "memory": "512",
    "executionRoleArn": "arn:aws:iam::615243708912:role/heron-execution",
    "taskRoleArn": "arn:aws:iam::615243708912:role/heron-task",
    "containerDefinitions": [{"name": "app", "image": "nginx:1.27", "essential": True}],
}

TEMPLATE = """\
Resources:
  DeployRole:
    Type: AWS::IAM::Role
    Properties:
      RoleName: heron-gh-deploy
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal:
              Federated: !Sub arn:aws:iam::${AWS::AccountId}:oidc-provider/token.actions.githubusercontent.com
            Action: sts:AssumeRoleWithWebIdentity
            Condition:
              StringEquals:
                token.actions.githubusercontent.com:aud: sts.amazonaws.com
                token.actions.githubusercontent.com:sub: repo:heron-analytics/heron:environment:production
      ManagedPolicyArns:
        - ATTACH
      Policies:
        - PolicyName: deploy
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action: [ecs:RegisterTaskDefinition, ecs:DescribeServices, ecs:UpdateService]
                Resource: "*"
  PassPolicy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Action: iam:PassRole
            Resource: !Sub arn:aws:iam::${AWS::AccountId}:role/heron-execution
"""


def _repo(tmp_path, files):
    (tmp_path / ".ecs-lint.yaml").write_text(
        "github:\n  repository: heron-analytics/heron\n")
    for name, text in files.items():
        p = tmp_path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text(text if isinstance(text, str) else json.dumps(text, indent=2))
    return [(f.rule, f.file) for f in lint_folder(tmp_path)
            if f.severity in ("warning", "error")]


# --- ManagedPolicyArns: [!GetAtt Policy.PolicyArn] -------------------------------

@pytest.mark.parametrize("attach, read", [
    ("!GetAtt PassPolicy.PolicyArn", True),
    ("Fn::GetAtt: [PassPolicy, PolicyArn]", True),
    ("!GetAtt PassPolicy.PolicyId", False),  # not an ARN: an unread policy (silence)
])
def test_managed_policy_attached_by_getatt_policyarn_is_read(tmp_path, attach, read):
    # `!GetAtt P.PolicyArn` is an AWS::IAM::ManagedPolicy's ARN just as `!Ref P`
    # is (CloudFormation template reference, AWS::IAM::ManagedPolicy, return
    # values); ecs-lint took it for a policy whose text is not in the files, so
    # the PassRole that misses the task role was never judged
    found = _repo(tmp_path, {
        "cfn/role.yaml": TEMPLATE.replace("ATTACH", attach),
        "ecs/task-definition.json": TASKDEF,
        ".github/workflows/deploy.yml": WORKFLOW,
    })
    assert (("xref-passrole-not-covered", "cfn/role.yaml") in found) is read


# --- a template hole never stands for a run of `/` alone ------------------------

HOLE_TEMPLATE = """\
Parameters:
  Stage:
    Type: String
Mappings:
  AccountConfig:
    "111111111111": {Environment: staging}
    "222222222222": {Environment: production}
Resources:
  DeployRole:
    Type: AWS::IAM::Role
    Properties:
      RoleName: heron-gh-deploy
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal:
              Federated: !Sub arn:aws:iam::${AWS::AccountId}:oidc-provider/token.actions.githubusercontent.com
            Action: sts:AssumeRoleWithWebIdentity
            Condition:
              StringEquals:
                token.actions.githubusercontent.com:aud: sts.amazonaws.com
                token.actions.githubusercontent.com:sub: SUB
      Policies:
        - PolicyName: deploy
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action: [ecs:RegisterTaskDefinition, ecs:DescribeServices, ecs:UpdateService]
                Resource: "*"
              - Effect: Allow
                Action: iam:PassRole
                Resource: !Sub arn:aws:iam::${AWS::AccountId}:role/heron-*
"""


def test_unknown_environment_in_sub_is_not_broader_through_a_slash(tmp_path):
    # the environment is looked up by account id (known only at deploy time):
    # the sub's value is one environment; ecs-lint let the unknown part be "/"
    # alone and reported 'repo:...:environment:/' as admitted but never sent,
    # a sub that only the unknown value could make (the witness rule it states)
    sub = ('!Sub ["repo:heron-analytics/heron:environment:${Env}", '
           '{Env: !FindInMap [AccountConfig, !Ref "AWS::AccountId", Environment]}]')
    found = _repo(tmp_path, {
        "cfn/role.yaml": HOLE_TEMPLATE.replace("SUB", sub),
        "ecs/task-definition.json": TASKDEF,
        ".github/workflows/deploy.yml": WORKFLOW,
    })
    assert ("xref-sub-broader-than-used", "cfn/role.yaml") not in found


def test_parameter_without_default_in_sub_is_not_broader_through_a_slash(tmp_path):
    found = _repo(tmp_path, {
        "cfn/role.yaml": HOLE_TEMPLATE.replace(
            "SUB", "!Sub repo:heron-analytics/heron:environment:${Stage}"),
        "ecs/task-definition.json": TASKDEF,
        ".github/workflows/deploy.yml": WORKFLOW,
    })
    assert ("xref-sub-broader-than-used", "cfn/role.yaml") not in found


def test_hole_next_to_a_wildcard_still_gives_a_real_witness(tmp_path):
    # what does not go through the unknown value is still judged: the list's
    # second entry admits every branch, which no job sends
    template = HOLE_TEMPLATE.replace(
        "              StringEquals:\n"
        "                token.actions.githubusercontent.com:aud: sts.amazonaws.com\n"
        "                token.actions.githubusercontent.com:sub: SUB\n",
        "              StringEquals:\n"
        "                token.actions.githubusercontent.com:aud: sts.amazonaws.com\n"
        "              StringLike:\n"
        "                token.actions.githubusercontent.com:sub:\n"
        "                  - !Sub repo:heron-analytics/heron:environment:${Stage}\n"
        "                  - repo:heron-analytics/heron:ref:refs/heads/*\n")
    assert "StringLike" in template
    found = _repo(tmp_path, {
        "cfn/role.yaml": template,
        "ecs/task-definition.json": TASKDEF,
        ".github/workflows/deploy.yml": WORKFLOW,
    })
    assert ("xref-sub-broader-than-used", "cfn/role.yaml") in found
