"""Audit set `at`: the iam:PassRole rules (policy-passrole-*, xref-passrole-not-covered)."""
import json

from conftest import lint_folder

PASS_ANY = {"Sid": "PassAnyRole", "Effect": "Allow", "Action": "iam:PassRole",
            "Resource": "arn:aws:iam::402918375561:role/app-*"}


def _rules(tmp_path, *stmts):
    (tmp_path / "policy.json").write_text(json.dumps(
        {"Version": "2012-10-17", "Statement": list(stmts)}, indent=2))
    return [f.rule for f in lint_folder(tmp_path) if f.rule.startswith("policy-passrole")]


def test_a_deny_on_every_other_service_scopes_passrole_to_ecs_tasks(tmp_path):
    # Allow PassRole with no condition, and a Deny of PassRole whenever
    # iam:PassedToService is not ecs-tasks.amazonaws.com: an explicit Deny wins, so
    # the roles can only be passed to ECS tasks (IAM policy evaluation logic)
    deny = {"Sid": "OnlyToEcsTasks", "Effect": "Deny", "Action": "iam:PassRole",
            "Resource": "*",
            "Condition": {"StringNotEquals": {"iam:PassedToService": "ecs-tasks.amazonaws.com"}}}
    assert "policy-passrole-unscoped-service" not in _rules(tmp_path, PASS_ANY, deny)


def test_a_deny_that_leaves_other_services_open_still_unscoped(tmp_path):
    # a Deny for Lambda only: EC2 and the rest still get the roles
    deny = {"Effect": "Deny", "Action": "iam:PassRole", "Resource": "*",
            "Condition": {"StringEquals": {"iam:PassedToService": "lambda.amazonaws.com"}}}
    assert "policy-passrole-unscoped-service" in _rules(tmp_path, PASS_ANY, deny)
    # a Deny on other roles only does not scope the service of these
    deny = {"Effect": "Deny", "Action": "iam:PassRole",
            "Resource": "arn:aws:iam::402918375561:role/admin-*",
            "Condition": {"StringNotEquals": {"iam:PassedToService": "ecs-tasks.amazonaws.com"}}}
    assert "policy-passrole-unscoped-service" in _rules(tmp_path, PASS_ANY, deny)
    # no Deny at all
    assert "policy-passrole-unscoped-service" in _rules(tmp_path, PASS_ANY)
