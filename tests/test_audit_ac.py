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
