"""CloudFormation fixes of the jv and jx cases: an operator block of a trust
condition written `!If [Cond, {...}, AWS::NoValue]` is read per branch (jv/08),
and `!Ref` of an AWS::ECS::TaskDefinition is the ARN of one revision (jx/02)."""
import textwrap

import pytest

from conftest import lint_files

GH = "token.actions.githubusercontent.com"


def trust_template(condition: str, allowed="[\"true\", \"false\"]") -> str:
    """A template whose role trusts GitHub's provider with `condition` (the
    lines under `Condition:`, at its indentation); conditions Main and Env read
    parameters Restrict and Gate, whose AllowedValues are `allowed`."""
    return f"""\
Parameters:
  Restrict: {{Type: String, AllowedValues: {allowed}, Default: "true"}}
  Gate: {{Type: String, AllowedValues: {allowed}, Default: "true"}}
Conditions:
  Main: !Equals [!Ref Restrict, "true"]
  Env: !Equals [!Ref Gate, "true"]
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal:
              Federated: !Sub arn:aws:iam::${{AWS::AccountId}}:oidc-provider/{GH}
            Action: sts:AssumeRoleWithWebIdentity
            Condition:
{textwrap.indent(textwrap.dedent(condition), " " * 14)}"""


def trust_rules(tmp_path, template) -> list:
    found = lint_files(tmp_path, {"t.yaml": template})
    return sorted({f.rule for f in found if f.rule.startswith(("trust-", "internal"))})


OPERATOR_IF = f"""\
StringEquals:
  {GH}:aud: sts.amazonaws.com
StringLike: !If
  - Main
  - {GH}:sub: repo:o/app:ref:refs/heads/main
  - !Ref AWS::NoValue
"""


def test_an_operator_block_no_value_branch_leaves_only_the_aud(tmp_path):
    # jv/08: the stack made with Restrict=false has no sub condition at all
    found = [f for f in lint_files(tmp_path, {"t.yaml": trust_template(OPERATOR_IF)})
             if f.rule == "trust-sub-missing"]
    assert len(found) == 1 and found[0].line == 19  # the statement's Condition block


def test_an_operator_block_the_allowed_values_fix_is_that_branch(tmp_path):
    # near miss: "true" is the only value allowed: every stack pins main
    assert trust_rules(tmp_path, trust_template(OPERATOR_IF, '["true"]')) == []


def test_each_branch_of_an_operator_block_is_read(tmp_path):
    # near miss: both branches name one context of the repository; a broad
    # branch is reported like a broad value
    both = f"""\
StringEquals:
  {GH}:aud: sts.amazonaws.com
StringLike: !If
  - Main
  - {GH}:sub: repo:o/app:ref:refs/heads/main
  - {GH}:sub: {{SUB}}
"""
    assert trust_rules(tmp_path / "a", trust_template(
        both.replace("{SUB}", "repo:o/app:environment:production"))) == []
    assert trust_rules(tmp_path / "b", trust_template(
        both.replace("{SUB}", '"repo:o/*"'))) == ["trust-sub-any-repo"]


def test_operator_blocks_under_one_condition_take_the_same_branch(tmp_path):
    # one sub or the other, never neither: no stack lacks a sub condition
    swap = f"""\
StringEquals: !If
  - Main
  - {GH}:aud: sts.amazonaws.com
    {GH}:sub: repo:o/app:ref:refs/heads/main
  - {GH}:aud: sts.amazonaws.com
StringLike: !If
  - Main
  - !Ref AWS::NoValue
  - {GH}:sub: repo:o/app:environment:production
"""
    assert trust_rules(tmp_path / "a", trust_template(swap)) == []
    # near miss: under two conditions, the stack Main=false Env=true has none
    assert trust_rules(tmp_path / "b", trust_template(
        swap.replace("StringLike: !If\n  - Main", "StringLike: !If\n  - Env"))) \
        == ["trust-sub-missing"]


def test_an_operator_block_inside_a_whole_condition_branch_is_read(tmp_path):
    # one level up: the whole Condition is an !If whose branch has the block
    nested = f"""\
!If
  - Env
  - StringEquals:
      {GH}:aud: sts.amazonaws.com
    StringLike: !If
      - Main
      - {GH}:sub: repo:o/app:ref:refs/heads/main
      - !Ref AWS::NoValue
  - StringEquals:
      {GH}:aud: sts.amazonaws.com
      {GH}:sub: repo:o/app:environment:production
"""
    template = trust_template("").replace("            Condition:\n",
                                          "            Condition: " + textwrap.indent(
                                              nested, " " * 14).lstrip())
    assert trust_rules(tmp_path, template) == ["trust-sub-missing"]


@pytest.mark.parametrize("block", [
    "StringLike: !If [Main]", "StringLike: !If [Main, 3, [1]]",
    "StringLike: !If [Main, !Ref AWS::NoValue, !Ref AWS::NoValue]",
    "StringLike: !If [[Main], {a: b}, {c: d}]", "StringLike: !If [Nope, {a: b}, 7]",
])
def test_operator_blocks_of_any_shape_are_read_without_crashing(tmp_path, block):
    assert "internal-error" not in trust_rules(tmp_path, trust_template(block + "\n"))


# ---------------------------------------------------------------------------
# jx/02: `!Ref TaskDefinition` in a deploy role's policy

def deploy_files(register_resource: str, family="Family: web") -> dict:
    """A template with a task definition, its service and a deploy role that
    may register on `register_resource`; a workflow deploying with the action."""
    template = f"""\
Resources:
  TaskDefinition:
    Type: AWS::ECS::TaskDefinition
    Properties:
      {family}
      ContainerDefinitions:
        - {{Name: web, Image: "1.dkr.ecr.eu-west-1.amazonaws.com/web:1.0", Essential: true}}
  Service:
    Type: AWS::ECS::Service
    Properties:
      ServiceName: web
      Cluster: main
      TaskDefinition: !Ref TaskDefinition
  DeployRole:
    Type: AWS::IAM::Role
    Properties:
      RoleName: deploy
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal:
              Federated: !Sub arn:aws:iam::${{AWS::AccountId}}:oidc-provider/{GH}
            Action: sts:AssumeRoleWithWebIdentity
            Condition:
              StringEquals:
                {GH}:aud: sts.amazonaws.com
                {GH}:sub: repo:o/web:environment:production
      Policies:
        - PolicyName: deploy
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action: [ecs:DescribeTaskDefinition, ecs:DescribeServices]
                Resource: "*"
              - Effect: Allow
                Action: ecs:RegisterTaskDefinition
                Resource: {register_resource}
              - Effect: Allow
                Action: [ecs:UpdateService, iam:PassRole]
                Resource: "*"
"""
    workflow = """\
on:
  push:
    branches: [main]
jobs:
  deploy:
    runs-on: ubuntu-latest
    environment: production
    permissions:
      id-token: write
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::123456789012:role/deploy
          aws-region: eu-west-1
      - id: render
        uses: aws-actions/amazon-ecs-render-task-definition@v1
        with:
          task-definition-family: web
          container-name: web
          image: 1.dkr.ecr.eu-west-1.amazonaws.com/web:2.0
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        with:
          task-definition: ${{ steps.render.outputs.task-definition }}
          cluster: main
          service: web
"""
    return {"cfn/app.yaml": template, ".github/workflows/deploy.yml": workflow}


def register_findings(tmp_path, resource, family="Family: web"):
    found = lint_files(tmp_path, deploy_files(resource, family))
    assert not [f for f in found if f.rule == "internal-error"]
    return [f for f in found if f.rule == "xref-permission-missing"
            and "RegisterTaskDefinition" in f.message]


@pytest.mark.parametrize("resource", [
    "!Ref TaskDefinition", '!Sub "${TaskDefinition}"',
    "!GetAtt TaskDefinition.TaskDefinitionArn",
])
def test_register_on_the_stacks_own_revision_is_missing(tmp_path, resource):
    # jx/02: the deploy registers a new revision, never the stack's one
    found = register_findings(tmp_path, resource)
    assert len(found) == 1 and found[0].file == "cfn/app.yaml"
    assert "task-definition/web:*" in found[0].message and "AccessDenied" in found[0].message


@pytest.mark.parametrize("resource", [
    '!Sub "arn:aws:ecs:${AWS::Region}:${AWS::AccountId}:task-definition/web:*"',
    '"*"',
])
def test_register_on_every_revision_of_the_family_is_allowed(tmp_path, resource):
    # near miss: FAMILY:* admits the revision the deploy registers
    assert register_findings(tmp_path, resource) == []


def test_ref_of_a_task_definition_is_one_revision_arn():
    from ecs_lint.cloudformation import STACK_REVISION, Scope, resolve
    from ecs_lint.values import Template

    data = {"Resources": {
        "Named": {"Type": "AWS::ECS::TaskDefinition", "Properties": {"Family": "web"}},
        "Generated": {"Type": "AWS::ECS::TaskDefinition", "Properties": {}},
        "Odd": {"Type": "AWS::ECS::TaskDefinition", "Properties": {"Family": [1]}},
    }}
    scope = Scope.of(data)
    named = resolve({"Ref": "Named"}, scope)
    assert isinstance(named, Template)
    assert str(named).endswith(":task-definition/web:" + STACK_REVISION)
    assert resolve({"Fn::GetAtt": ["Named", "TaskDefinitionArn"]}, scope) == named
    assert str(resolve({"Ref": "Generated"}, scope)).endswith(
        ":task-definition/${Generated}:" + STACK_REVISION)
    assert str(resolve({"Ref": "Odd"}, scope)).endswith(":task-definition/${Odd}:"
                                                        + STACK_REVISION)
    assert not any(c in STACK_REVISION for c in "*?$")  # no wildcard, no policy variable


def test_a_services_task_definition_ref_is_still_read(tmp_path):
    # the service's TaskDefinition: the same revision ARN, not text a rule reads
    # as a family; the template lints as before
    from ecs_lint.cloudformation import extract
    from ecs_lint.loader import load_text

    text = deploy_files('"*"')["cfn/app.yaml"]
    loaded = load_text(text, "yaml")[0]
    docs = extract("app.yaml", loaded.data, loaded.locate, text, str(tmp_path))
    service = next(d for d in docs if d.kind == "service")
    assert ":task-definition/web:" in str(service.data["taskDefinition"])
    assert register_findings(tmp_path, '"*"') == []
