"""Audit 'k': blind labeled cases for task definitions, services and permission
policies (tests/cases/k). Each test holds a minimal repository on which ecs-lint
reported something wrong, or missed a finding RULES.md defines (see the commit
that added it for the evidence).
"""
import json
import textwrap

from conftest import ROLE, lint_folder, oidc_trust, oidc_workflow

from ecs_lint.iam import evaluate


def policy(*stmts):
    return {"Version": "2012-10-17", "Statement": list(stmts)}


TO_TASKS = {"StringEquals": {"iam:PassedToService": "ecs-tasks.amazonaws.com"}}


# --- iam:PassedToService exists only in iam:PassRole requests -------------------

def test_passedtoservice_condition_does_not_allow_other_actions():
    # IAM puts iam:PassedToService in the request context of iam:PassRole only:
    # StringEquals on it is false for ecs:UpdateService, so this statement grants
    # PassRole and nothing else
    doc = policy({"Effect": "Allow", "Resource": "*", "Condition": TO_TASKS,
                  "Action": ["ecs:RegisterTaskDefinition", "ecs:UpdateService",
                             "iam:PassRole"]})
    assert not evaluate([doc], "ecs:UpdateService", "*").allowed
    assert not evaluate([doc], "ecs:RegisterTaskDefinition").allowed
    assert evaluate([doc], "iam:PassRole", "arn:aws:iam::1:role/x",
                    {"iam:PassedToService": "ecs-tasks.amazonaws.com"}).allowed
    # the negated and IfExists operators hold on an absent key
    for op in ("StringNotEquals", "StringEqualsIfExists"):
        loose = policy({"Effect": "Allow", "Action": "ecs:UpdateService", "Resource": "*",
                        "Condition": {op: {"iam:PassedToService": "ecs-tasks.amazonaws.com"}}})
        assert evaluate([loose], "ecs:UpdateService", "*").allowed, op


def test_deny_unless_passed_to_tasks_denies_every_other_action():
    # a Deny on StringNotEquals iam:PassedToService holds for any request that
    # is not iam:PassRole: it takes everything else back
    doc = policy({"Effect": "Allow", "Action": "ecs:UpdateService", "Resource": "*"},
                 {"Effect": "Deny", "Action": "*", "Resource": "*",
                  "Condition": {"StringNotEquals": {
                      "iam:PassedToService": "ecs-tasks.amazonaws.com"}}})
    assert not evaluate([doc], "ecs:UpdateService", "*").allowed
    assert not evaluate([doc], "ecs:UpdateService").allowed


def _deploy_repo(tmp_path, permissions):
    steps = textwrap.indent(textwrap.dedent("""\
        - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
          with:
            task-definition: ecs/task-definition.json
            cluster: prod
            service: api
            wait-for-service-stability: true
        """), " " * 10)
    wf = tmp_path / ".github" / "workflows" / "deploy.yml"
    wf.parent.mkdir(parents=True)
    wf.write_text(textwrap.dedent(oidc_workflow(environment="production", steps=steps)))
    (tmp_path / "ecs").mkdir()
    (tmp_path / "ecs" / "task-definition.json").write_text(json.dumps({
        "family": "api", "executionRoleArn": "arn:aws:iam::123456789012:role/api-exec",
        "containerDefinitions": [{"name": "api", "image": "api:1.2.3"}]}))
    (tmp_path / "iam").mkdir()
    (tmp_path / "iam" / "trust.json").write_text(json.dumps(
        oidc_trust("repo:myorg/app:environment:production")))
    (tmp_path / "iam" / "policy.json").write_text(json.dumps(permissions, indent=2))
    (tmp_path / ".ecs-lint.yaml").write_text(
        "github:\n  repository: myorg/app\n"
        f'roles:\n  "{ROLE}":\n    trust: iam/trust.json\n    permissions: [iam/policy.json]\n')
    return lint_folder(tmp_path)


def test_deploy_actions_under_passedtoservice_condition_are_missing(tmp_path):
    findings = _deploy_repo(tmp_path, policy(
        {"Effect": "Allow", "Resource": "*", "Condition": TO_TASKS,
         "Action": ["ecs:RegisterTaskDefinition", "ecs:UpdateService",
                    "ecs:DescribeServices", "iam:PassRole"]}))
    missing = sorted(f.message.split(" is not allowed ")[1].split(",")[0].split(" ")[0]
                     for f in findings if f.rule == "xref-permission-missing")
    assert missing == ["ecs:DescribeServices", "ecs:RegisterTaskDefinition",
                       "ecs:UpdateService"]
    assert all("iam:PassedToService" in f.message for f in findings
               if f.rule == "xref-permission-missing")
    # PassRole is granted (to ECS tasks): register is refused, not PassRole
    assert not [f for f in findings if f.rule in ("policy-passrole-missing",
                                                  "xref-passrole-not-covered")]


def test_split_statements_with_the_condition_on_passrole_only_are_fine(tmp_path):
    findings = _deploy_repo(tmp_path, policy(
        {"Effect": "Allow", "Resource": "*",
         "Action": ["ecs:RegisterTaskDefinition", "ecs:UpdateService", "ecs:DescribeServices"]},
        {"Effect": "Allow", "Resource": "arn:aws:iam::123456789012:role/api-exec",
         "Action": "iam:PassRole", "Condition": TO_TASKS}))
    assert not [f for f in findings if f.rule.startswith(("xref-permission", "xref-passrole",
                                                          "policy-passrole-missing"))]


# --- a Stripe publishable key is public ----------------------------------------

def _env_findings(tmp_path, env):
    (tmp_path / "td.json").write_text(json.dumps({
        "family": "web", "executionRoleArn": "arn:aws:iam::123456789012:role/web-exec",
        "containerDefinitions": [{"name": "web", "image": "web:1.0.0",
                                  "environment": [{"name": k, "value": v}
                                                  for k, v in env.items()]}]}))
    return sorted(f.message.split(" of container")[0].split()[-1] for f in lint_folder(tmp_path)
                  if f.rule == "taskdef-secret-in-environment")


def test_stripe_publishable_key_is_not_a_secret(tmp_path):
    # Stripe: publishable keys only identify the account and are meant to be
    # published in client code (gitleaks dropped them from its Stripe rule, #1320)
    assert _env_findings(tmp_path, {
        "STRIPE_PUBLISHABLE_KEY": "pk_live_51NzQ3mKp8vXr2TbQ4wLc7yHd9JfA6sEu0GiOk",
        "NEXT_PUBLIC_STRIPE_KEY": "pk_test_51NzQ3mKp8vXr2TbQ4wLc7yHd9JfA6sEu0GiOk",
    }) == []


def test_stripe_secret_and_restricted_keys_still_are(tmp_path):
    assert _env_findings(tmp_path, {
        "STRIPE": "sk_live_51NzQ3mKp8vXr2TbQ4wLc7yHd9JfA6sEu0GiOk",
        "STRIPE_RK": "rk_live_51NzQ3mKp8vXr2TbQ4wLc7yHd9JfA6sEu0GiOk",
        # under a secret's name a publishable-looking value is still reported
        "STRIPE_API_KEY": "pk_live_51NzQ3mKp8vXr2TbQ4wLc7yHd9JfA6sEu0GiOk",
    }) == ["STRIPE", "STRIPE_API_KEY", "STRIPE_RK"]
