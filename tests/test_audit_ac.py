"""Audit set `ac`: the permissions side of the deploy path (deploy-role policies
against what the workflow's steps call)."""
import json
import textwrap

import pytest

from conftest import lint_folder


def lint_policy(tmp_path, *stmts, name="policy.json"):
    (tmp_path / name).write_text(json.dumps(
        {"Version": "2012-10-17", "Statement": list(stmts)}, indent=2))
    return lint_folder(tmp_path)


def rules(findings):
    return sorted(f.rule for f in findings if f.severity in ("warning", "error"))


ALLOW_ALL = {"Sid": "Everything", "Effect": "Allow", "Action": "*", "Resource": "*"}


@pytest.mark.parametrize("kept", [
    ["ecr:*", "ecs:*", "iam:PassRole", "logs:*"],  # whole services stay granted
    ["*"],
])
def test_deny_notaction_keeping_whole_services_does_not_take_back_allow_star(tmp_path, kept):
    deny = {"Effect": "Deny", "NotAction": kept, "Resource": "*"}
    assert "policy-wildcard-action" in rules(lint_policy(tmp_path, ALLOW_ALL, deny))


@pytest.mark.parametrize("allow, kept", [
    ("*", ["ecs:UpdateService", "ecs:DescribeServices"]),  # only these stay granted
    ("ecs:*", ["ecr:*"]),  # every ecs action is denied
    ("ecs:*", ["ecs:Describe*"]),  # a partial wildcard stays
])
def test_deny_notaction_that_takes_the_wildcard_back(tmp_path, allow, kept):
    stmt = {"Effect": "Allow", "Action": allow, "Resource": "*"}
    deny = {"Effect": "Deny", "NotAction": kept, "Resource": "*"}
    assert "policy-wildcard-action" not in rules(lint_policy(tmp_path, stmt, deny))


ROLE = "arn:aws:iam::604918273540:role/app-deploy"
TRUST = {"Version": "2012-10-17", "Statement": [{
    "Effect": "Allow",
    "Principal": {"Federated": "arn:aws:iam::604918273540:oidc-provider/"
                               "token.actions.githubusercontent.com"},
    "Action": "sts:AssumeRoleWithWebIdentity",
    "Condition": {"StringEquals": {
        "token.actions.githubusercontent.com:aud": "sts.amazonaws.com",
        "token.actions.githubusercontent.com:sub": "repo:acme/app:ref:refs/heads/main"}}}]}


def deploy_repo(tmp_path, statements, script):
    """A repository whose job assumes ROLE (policy `statements`) and runs `script`."""
    (tmp_path / "iam").mkdir()
    (tmp_path / "iam" / "trust.json").write_text(json.dumps(TRUST))
    (tmp_path / "iam" / "policy.json").write_text(json.dumps(
        {"Version": "2012-10-17", "Statement": statements}, indent=2))
    (tmp_path / ".ecs-lint.yaml").write_text(
        f'github:\n  repository: acme/app\nroles:\n  "{ROLE}":\n'
        "    trust: iam/trust.json\n    permissions: [iam/policy.json]\n")
    wf = tmp_path / ".github" / "workflows"
    wf.mkdir(parents=True)
    body = textwrap.indent(textwrap.dedent(script).strip(), " " * 12)
    (wf / "deploy.yml").write_text(textwrap.dedent(f"""\
        on:
          push:
            branches: [main]
        jobs:
          deploy:
            runs-on: ubuntu-latest
            permissions:
              id-token: write
            steps:
              - uses: aws-actions/configure-aws-credentials@v4
                with:
                  role-to-assume: {ROLE}
                  aws-region: eu-central-1
              - run: |
        """) + body + "\n")
    return [f for f in lint_folder(tmp_path) if f.rule == "xref-permission-missing"]


@pytest.mark.parametrize("resource, missing", [
    ("arn:aws:ecs:eu-central-1:604918273540:task-definition/app:*", True),
    ("arn:aws:ecs:eu-central-1:604918273540:task-definition/*", True),
    ("*", False),
])
def test_describe_task_definition_needs_resource_star(tmp_path, resource, missing):
    # DescribeTaskDefinition has no resource-level permissions (Service
    # Authorization Reference): a task-definition ARN never matches it
    found = deploy_repo(tmp_path, [{"Effect": "Allow", "Action": "ecs:DescribeTaskDefinition",
                                    "Resource": resource}],
                        "aws ecs describe-task-definition --task-definition app "
                        "--query taskDefinition > task-definition.json")
    assert bool(found) is missing
    if missing:
        assert "ecs:DescribeTaskDefinition" in found[0].message
        assert 'only Resource "*" grants it' in found[0].message


def deploy_action_repo(tmp_path, statements, cluster="prod", policy_name="policy.json",
                       policy_text=None):
    """A repository whose job deploys service `api` of `cluster` with the deploy
    action (a task definition without roles) under ROLE."""
    (tmp_path / "iam").mkdir()
    (tmp_path / "iam" / "trust.json").write_text(json.dumps(TRUST))
    (tmp_path / "iam" / policy_name).write_text(policy_text or json.dumps(
        {"Version": "2012-10-17", "Statement": statements}, indent=2))
    (tmp_path / ".ecs-lint.yaml").write_text(
        f'github:\n  repository: acme/app\nroles:\n  "{ROLE}":\n'
        f"    trust: iam/trust.json\n    permissions: [iam/{policy_name}]\n")
    return _deploy_job_missing(tmp_path, ROLE, cluster)



PROD_CLUSTER = {"ArnEquals": {"ecs:cluster": "arn:aws:ecs:eu-central-1:604918273540:cluster/prod"}}


def test_cluster_condition_is_false_for_register_task_definition(tmp_path):
    # ecs:cluster is not in a RegisterTaskDefinition request: ArnEquals on it fails
    found = deploy_action_repo(tmp_path, [{
        "Effect": "Allow", "Resource": "*", "Condition": PROD_CLUSTER,
        "Action": ["ecs:RegisterTaskDefinition", "ecs:DescribeServices", "ecs:UpdateService"]}])
    assert found == ["ecs:RegisterTaskDefinition"]


@pytest.mark.parametrize("cluster, missing", [
    ("prod", []),
    ("staging", ["ecs:DescribeServices", "ecs:UpdateService"]),
])
def test_cluster_condition_is_read_for_the_service_calls(tmp_path, cluster, missing):
    found = deploy_action_repo(tmp_path, [
        {"Effect": "Allow", "Action": "ecs:RegisterTaskDefinition", "Resource": "*"},
        {"Effect": "Allow", "Action": ["ecs:DescribeServices", "ecs:UpdateService"],
         "Resource": "*", "Condition": PROD_CLUSTER}], cluster=cluster)
    assert found == missing


CFN_CLUSTER_POLICY = """\
Resources:
  DeployRole:
    Type: AWS::IAM::Role
    Properties:
      RoleName: app-deploy
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal:
              Federated: arn:aws:iam::604918273540:oidc-provider/token.actions.githubusercontent.com
            Action: sts:AssumeRoleWithWebIdentity
            Condition:
              StringEquals:
                token.actions.githubusercontent.com:aud: sts.amazonaws.com
                token.actions.githubusercontent.com:sub: repo:acme/app:ref:refs/heads/main
      Policies:
        - PolicyName: deploy
          PolicyDocument:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action: ecs:RegisterTaskDefinition
                Resource: "*"
              - Effect: Allow
                Action: [ecs:DescribeServices, ecs:UpdateService]
                Resource: "*"
                Condition:
                  OPERATOR:
                    ecs:cluster: !Sub arn:aws:ecs:${AWS::Region}:${AWS::AccountId}:cluster/prod
"""


@pytest.mark.parametrize("op", ["StringEquals", "ArnEquals", "StringLike"])
@pytest.mark.parametrize("cluster, missing", [
    ("prod", []),
    ("staging", ["ecs:DescribeServices", "ecs:UpdateService"]),
])
def test_cluster_condition_with_template_parts(tmp_path, op, cluster, missing):
    # unknown parts of a template value (region, account) are not compared literally:
    # the known parts decide when they differ, else it can't be told (allowed)
    (tmp_path / "stack.yaml").write_text(CFN_CLUSTER_POLICY.replace("OPERATOR", op))
    (tmp_path / ".ecs-lint.yaml").write_text("github:\n  repository: acme/app\n")
    assert _deploy_job_missing(tmp_path, "arn:aws:iam::604918273540:role/app-deploy",
                               cluster) == missing


def test_region_condition_with_a_template_value_is_not_compared_literally(tmp_path):
    from ecs_lint import iam
    from ecs_lint.values import Template, Unknown
    stmt = iam.statements({"Statement": [{
        "Effect": "Allow", "Action": "ecs:UpdateService", "Resource": "*",
        "Condition": {"StringEquals": {"aws:RequestedRegion": Template(("eu-", Unknown("Region")))}}}]})
    assert iam.evaluate_statements(stmt, "ecs:UpdateService", None,
                                   {"aws:RequestedRegion": "eu-central-1"}).allowed
    assert not iam.evaluate_statements(stmt, "ecs:UpdateService", None,
                                       {"aws:RequestedRegion": "us-east-1"}).allowed


SERVICE_STMTS = [{"Effect": "Allow", "Action": ["ecs:UpdateService", "ecs:DescribeServices"],
                  "Resource": "arn:aws:ecs:eu-central-1:604918273540:service/shop/storefront"}]


@pytest.mark.parametrize("script, missing", [
    ("aws ecs update-service --cluster shop --service storefront-web --force-new-deployment\n"
     "aws ecs wait services-stable --cluster shop --services storefront-web",
     ["ecs:DescribeServices", "ecs:UpdateService"]),
    ("aws ecs update-service --cluster shop --service storefront --force-new-deployment\n"
     "aws ecs wait services-stable --cluster shop --services storefront", []),
    ("aws ecs update-service --cluster=shop --service=arn:aws:ecs:eu-central-1:604918273540:"
     "service/shop/storefront --force-new-deployment", []),
    # not literal, or several services: not judged on a resource
    ('aws ecs update-service --cluster "$CLUSTER" --service storefront-web', []),
    ("aws ecs describe-services --cluster shop --services storefront other", []),
])
def test_cli_service_calls_are_judged_on_the_service_arn(tmp_path, script, missing):
    found = deploy_repo(tmp_path, SERVICE_STMTS, script)
    assert sorted(f.message.split(" is not allowed ")[1].split()[0] for f in found) == missing


def _deploy_job_missing(tmp_path, role, cluster):
    """The actions xref-permission-missing reports for a push job that assumes
    `role` and deploys service `api` of `cluster` with the deploy action (a task
    definition without roles, td.json)."""
    (tmp_path / "td.json").write_text(json.dumps({"family": "api", "containerDefinitions": [
        {"name": "api", "image": "604918273540.dkr.ecr.eu-central-1.amazonaws.com/api:1.0"}]}))
    wf = tmp_path / ".github" / "workflows"
    wf.mkdir(parents=True)
    (wf / "deploy.yml").write_text(textwrap.dedent(f"""\
        on:
          push:
            branches: [main]
        jobs:
          deploy:
            runs-on: ubuntu-latest
            permissions:
              id-token: write
            steps:
              - uses: aws-actions/configure-aws-credentials@v4
                with:
                  role-to-assume: {role}
                  aws-region: eu-central-1
              - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
                with:
                  task-definition: td.json
                  cluster: {cluster}
                  service: api
                  wait-for-service-stability: true
        """))
    return sorted(f.message.split(" is not allowed ")[1].split()[0].rstrip(",")
                  for f in lint_folder(tmp_path) if f.rule == "xref-permission-missing")
