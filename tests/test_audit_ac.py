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
