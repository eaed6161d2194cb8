"""What a permission policy grants a request: `ecs:task-definition` is not in
DescribeServices' request, policy variables are text before Version
2012-10-17, and tagging a new task definition is authorized on its revision."""
import json

import pytest

from conftest import lint_folder
from ecs_lint import iam

SERVICE = "arn:aws:ecs:eu-west-1:123456789012:service/prod/api"


def _allowed(policy, action, resource, context=None):
    return iam.evaluate_statements(iam.statements(policy), action, resource,
                                   context or {}).allowed


PINNED = {"Version": "2012-10-17", "Statement": [{
    "Effect": "Allow", "Action": ["ecs:DescribeServices", "ecs:UpdateService"],
    "Resource": SERVICE,
    "Condition": {"ArnLike": {"ecs:task-definition":
                              "arn:aws:ecs:eu-west-1:123456789012:task-definition/api:*"}}}]}


@pytest.mark.parametrize("action, allowed", [
    ("ecs:DescribeServices", False),  # its request has no ecs:task-definition
    ("ecs:UpdateService", True),      # its request does (a value not known here)
])
def test_a_task_definition_condition_on_describe_services(action, allowed):
    assert _allowed(PINNED, action, SERVICE) == allowed
    assert iam.key_absent("ecs:task-definition", action) != allowed


@pytest.mark.parametrize("version, allowed", [
    ("2012-10-17", True),
    ("2008-10-17", False),  # `${aws:PrincipalAccount}` is the text itself
    (None, False),          # no Version: 2008-10-17
])
def test_policy_variables_need_version_2012(version, allowed):
    policy = {"Statement": [{"Effect": "Allow", "Action": "iam:PassRole",
                             "Resource": "arn:aws:iam::${aws:PrincipalAccount}:role/app-*"}]}
    if version:
        policy["Version"] = version
    assert _allowed(policy, "iam:PassRole", "arn:aws:iam::123456789012:role/app-task",
                    {"aws:PrincipalAccount": "123456789012"}) == allowed


ROLE = "arn:aws:iam::123456789012:role/deploy"
WORKFLOW = """\
on: {push: {branches: [main]}}
permissions: {id-token: write, contents: read}
jobs:
  deploy:
    runs-on: ubuntu-latest
    environment: production
    steps:
      - uses: actions/checkout@v4
      - uses: aws-actions/configure-aws-credentials@v4
        with: {role-to-assume: "%s", aws-region: eu-west-1}
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        with: {task-definition: td.json, cluster: prod, service: api,
               wait-for-service-stability: true}
""" % ROLE


@pytest.mark.parametrize("tag_resource, missing", [
    (SERVICE, True),  # the service's ARN is not the new revision
    ("arn:aws:ecs:eu-west-1:123456789012:task-definition/api:*", False),
    ("*", False),
])
def test_tagging_a_new_revision_is_authorized_on_it(tmp_path, tag_resource, missing):
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "d.yml").write_text(WORKFLOW)
    (tmp_path / "td.json").write_text(json.dumps({
        "family": "api", "tags": [{"key": "team", "value": "core"}],
        "containerDefinitions": [{"name": "api", "image": "nginx:1.27"}]}))
    (tmp_path / "policy.json").write_text(json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": ["ecs:RegisterTaskDefinition",
                                       "ecs:DescribeTaskDefinition"], "Resource": "*"},
        {"Effect": "Allow", "Action": ["ecs:DescribeServices", "ecs:UpdateService"],
         "Resource": SERVICE},
        {"Effect": "Allow", "Action": "ecs:TagResource", "Resource": tag_resource}]}))
    (tmp_path / ".ecs-lint.yaml").write_text(
        f'github: {{repository: o/r}}\nroles:\n  "{ROLE}": {{permissions: [policy.json]}}\n')
    found = [f for f in lint_folder(tmp_path) if f.rule == "xref-permission-missing"
             and "ecs:TagResource" in f.message]
    assert bool(found) == missing


@pytest.mark.parametrize("register_resource, missing", [
    ("arn:aws:ecs:eu-west-1:123456789012:task-definition/api:*", False),
    ("arn:aws:ecs:us-east-1:123456789012:task-definition/api:*", True),  # another region
    ("arn:aws:ecs:eu-west-1:123456789012:task-definition/other:*", True),  # another family
    ("*", False),
])
def test_registering_is_authorized_on_the_new_revision(tmp_path, register_resource, missing):
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "d.yml").write_text(WORKFLOW)
    (tmp_path / "td.json").write_text(json.dumps({
        "family": "api", "containerDefinitions": [{"name": "api", "image": "nginx:1.27"}]}))
    (tmp_path / "policy.json").write_text(json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "ecs:RegisterTaskDefinition", "Resource": register_resource},
        {"Effect": "Allow", "Action": "ecs:DescribeTaskDefinition", "Resource": "*"},
        {"Effect": "Allow", "Action": ["ecs:DescribeServices", "ecs:UpdateService"],
         "Resource": SERVICE}]}))
    (tmp_path / ".ecs-lint.yaml").write_text(
        f'github: {{repository: o/r}}\nroles:\n  "{ROLE}": {{permissions: [policy.json]}}\n')
    found = [f for f in lint_folder(tmp_path) if f.rule == "xref-permission-missing"
             and "ecs:RegisterTaskDefinition" in f.message]
    assert bool(found) == missing


def test_a_role_picked_by_an_expression_links_by_the_vars_name_it_picked():
    from ecs_lint.xref.linking import resolve_role_value
    github = {"vars": {"STAGING_ROLE": "arn:aws:iam::1:role/d", "PROD_ROLE": "arn:aws:iam::2:role/d"}}
    raw = "${{ inputs.target == 'eu' && vars.STAGING_ROLE || vars.PROD_ROLE }}"
    assert resolve_role_value(raw, "arn:aws:iam::2:role/d", github)[1] == "vars.PROD_ROLE"
    assert resolve_role_value(raw, "arn:aws:iam::1:role/d", github)[1] == "vars.STAGING_ROLE"
    # two names holding the same value: which one was picked is not known
    same = {"vars": {"STAGING_ROLE": "arn:aws:iam::1:role/d", "PROD_ROLE": "arn:aws:iam::1:role/d"}}
    assert resolve_role_value(raw, "arn:aws:iam::1:role/d", same)[1] is None


CFN = """\
on: {push: {branches: [main]}}
permissions: {id-token: write, contents: read}
jobs:
  stack:
    runs-on: ubuntu-latest
    environment: production
    steps:
      - uses: aws-actions/configure-aws-credentials@v4
        with: {role-to-assume: "%s", aws-region: eu-west-1}
      - run: |
          aws cloudformation deploy --stack-name app --template-file t.yaml \\
            --role-arn arn:aws:iam::123456789012:role/cfn-exec
""" % ROLE


@pytest.mark.parametrize("service, missing", [
    ("cloudformation.amazonaws.com", False),
    ("ecs-tasks.amazonaws.com", True),  # passable to ECS only
])
def test_a_stack_service_role_is_passed_to_cloudformation(tmp_path, service, missing):
    (tmp_path / ".github" / "workflows").mkdir(parents=True)
    (tmp_path / ".github" / "workflows" / "s.yml").write_text(CFN)
    (tmp_path / "policy.json").write_text(json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "cloudformation:*", "Resource": "*"},
        {"Effect": "Allow", "Action": "iam:PassRole",
         "Resource": "arn:aws:iam::123456789012:role/cfn-exec",
         "Condition": {"StringEquals": {"iam:PassedToService": service}}}]}))
    (tmp_path / ".ecs-lint.yaml").write_text(
        f'github: {{repository: o/r}}\nroles:\n  "{ROLE}": {{permissions: [policy.json]}}\n')
    found = [f for f in lint_folder(tmp_path) if f.rule == "xref-permission-missing"
             and "iam:PassRole" in f.message]
    assert bool(found) == missing
