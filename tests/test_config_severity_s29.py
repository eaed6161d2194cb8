"""A rule's options without `severity:` keep the rule's own severity (for
policy-iam-lint: parliament's, finding by finding) (jr/07)."""
import pytest

from conftest import lint_files

POLICY = {"Version": "2012-10-17", "Statement": [
    {"Effect": "Allow", "Action": "ecs:RegisterTaskDefinition", "Resource": "*"}]}


@pytest.mark.parametrize("setting, severity", [
    (None, "info"),  # parliament's LOW: info
    ("{ignore-issues: [RESOURCE_MISMATCH]}", "info"),  # options only: still parliament's
    ("true", "info"),
    ("{severity: error, ignore-issues: []}", "error"),  # an explicit severity wins
    ("warning", "warning"),
])
def test_options_keep_the_severity_by_finding(tmp_path, setting, severity):
    config = f"rules:\n  policy-iam-lint: {setting}\n" if setting else None
    found = [f for f in lint_files(tmp_path, {"policy.json": POLICY}, config)
             if f.rule == "policy-iam-lint" and "RESOURCE_STAR" in f.message]
    assert [f.severity for f in found] == [severity]


def test_true_keeps_a_rules_default_severity(tmp_path):
    config = "rules:\n  taskdef-image-latest: true\n"
    td = {"family": "app", "containerDefinitions": [{"name": "app", "image": "nginx:latest"}]}
    found = [f for f in lint_files(tmp_path, {"td.json": td}, config)
             if f.rule == "taskdef-image-latest"]
    assert [f.severity for f in found] == ["warning"]
