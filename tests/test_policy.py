"""Permission-policy rules and the parliament integration (policy-iam-lint)."""
import json
import subprocess
import sys
import textwrap

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import lint_folder, run_cli

REGISTER = {"Effect": "Allow", "Action": "ecs:RegisterTaskDefinition",
            "Resource": "arn:aws:ecs:us-east-1:111122223333:task-definition/app:*"}
PASS = {"Effect": "Allow", "Action": "iam:PassRole",
        "Resource": "arn:aws:iam::111122223333:role/app-task",
        "Condition": {"StringEquals": {"iam:PassedToService": "ecs-tasks.amazonaws.com"}}}


def lint_policy(tmp_path, *stmts, name="policy.json", config=None, raw=None):
    text = raw if raw is not None else json.dumps(
        {"Version": "2012-10-17", "Statement": list(stmts)}, indent=2)
    (tmp_path / name).write_text(text)
    if config:
        (tmp_path / ".ecs-lint.yaml").write_text(textwrap.dedent(config))
    return lint_folder(tmp_path)


def line_of(path, needle, nth=1):
    hits = [i for i, line in enumerate(path.read_text().splitlines(), 1) if needle in line]
    return hits[nth - 1]


def rules(findings):
    return sorted(f.rule for f in findings)


def test_clean_policy_has_no_findings(tmp_path):
    assert lint_policy(tmp_path, REGISTER, PASS) == []


@pytest.mark.parametrize("action", ["ecs:*", "*", "ECS:*", "*:*"])
def test_wildcard_actions(tmp_path, action):
    found = lint_policy(tmp_path, {"Effect": "Allow", "Action": [action], "Resource": "*"}, PASS)
    assert "policy-wildcard-action" in rules(found)
    # RESOURCE_STAR from parliament is dropped: our finding says it already
    assert not [f for f in found if f.extra.get("parliament_issue") == "RESOURCE_STAR"]


@pytest.mark.parametrize("stmt", [
    {"Effect": "Allow", "Action": "ecs:Describe*", "Resource": "*"},
    {"Effect": "Deny", "Action": "*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "false"}}},
    {"Effect": "Deny", "NotAction": "ecs:*", "Resource": "*"},
])
def test_partial_wildcards_and_denies_are_not_wildcard_grants(tmp_path, stmt):
    assert "policy-wildcard-action" not in rules(lint_policy(tmp_path, stmt, REGISTER, PASS))


def test_not_action_with_allow(tmp_path):
    found = lint_policy(tmp_path, {"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"})
    assert "policy-wildcard-action" in rules(found)
    # and iam:PassRole is not in what NotAction grants
    assert "policy-passrole-missing" in rules(found)


def test_passrole_missing_points_at_the_register_action(tmp_path):
    found = lint_policy(tmp_path, {"Effect": "Allow", "Resource": "*",
                                   "Action": ["ecs:UpdateService", "ecs:RegisterTaskDefinition"]})
    [f] = [f for f in found if f.rule == "policy-passrole-missing"]
    assert f.severity == "error" and f.line == 9 and "AccessDenied" in f.message


def test_passrole_for_another_service_does_not_count(tmp_path):
    other = dict(PASS, Condition={"StringEquals": {"iam:PassedToService": "ec2.amazonaws.com"}})
    assert "policy-passrole-missing" in rules(lint_policy(tmp_path, REGISTER, other))


@pytest.mark.parametrize("resource, fires", [
    ("arn:aws:codedeploy:us-east-1:111122223333:application:app", True),  # no role there
    ("arn:aws:s3:::bucket/*", True),
    ("arn:aws:iam::111122223333:role/app-*", False),
    ("arn:aws:iam::*:*", False),  # may be a role
    ("*", False),
])
def test_passrole_only_on_resources_that_are_not_roles_passes_none(tmp_path, resource, fires):
    found = lint_policy(tmp_path, REGISTER, dict(PASS, Resource=resource))
    assert ("policy-passrole-missing" in rules(found)) is fires


def test_deny_taking_register_back_silences_passrole_missing(tmp_path):
    deny = {"Effect": "Deny", "Action": "ecs:registertaskdefinition", "Resource": "*"}
    assert "policy-passrole-missing" not in rules(lint_policy(tmp_path, REGISTER, deny))


def test_policies_of_one_cloudformation_role_are_read_together(tmp_path):
    template = textwrap.dedent("""\
        Resources:
          Role:
            Type: AWS::IAM::Role
            Properties:
              Policies:
                - PolicyName: a
                  PolicyDocument:
                    Statement: [{Effect: Allow, Action: ecs:RegisterTaskDefinition, Resource: "*"}]
          Extra:
            Type: AWS::IAM::Policy
            Properties:
              Roles: [!Ref Role]
              PolicyDocument:
                Statement: [{Effect: Allow, Action: iam:PassRole, Resource: arn:aws:iam::1:role/x}]
          Lonely:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              PolicyDocument:
                Statement: [{Effect: Allow, Action: ecs:RegisterTaskDefinition, Resource: "*"}]
        """)
    found = lint_policy(tmp_path, name="template.yaml", raw=template)
    assert [f.line for f in found if f.rule == "policy-passrole-missing"] == [19]  # Lonely


@pytest.mark.parametrize("resource, fires", [
    ("*", True),
    ("arn:aws:iam::111122223333:role/*", True),
    ("arn:aws:iam::*:role/*", True),
    ("arn:aws:iam::111122223333:*", True),
    ("arn:aws:iam::111122223333:role/app-*", False),
    ("arn:aws:iam::*:role/ecsTaskExecutionRole", False),
])
def test_passrole_wildcard(tmp_path, resource, fires):
    found = lint_policy(tmp_path, REGISTER, dict(PASS, Resource=resource))
    assert ("policy-passrole-wildcard" in rules(found)) is fires


def test_passrole_wildcard_taken_back_by_a_deny(tmp_path):
    deny = {"Effect": "Deny", "Action": "iam:PassRole", "Resource": "*"}
    found = lint_policy(tmp_path, dict(PASS, Resource="*"), deny)
    assert "policy-passrole-wildcard" not in rules(found)


def test_passrole_wildcard_in_a_template_uses_the_template_line(tmp_path):
    template = textwrap.dedent("""\
        Parameters:
          RoleName: {Type: String}
        Resources:
          P:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              PolicyDocument:
                Version: "2012-10-17"
                Statement:
                  - Effect: Allow
                    Action: iam:PassRole
                    Resource:
                      - !Sub arn:aws:iam::${AWS::AccountId}:role/${RoleName}
                      - !Sub arn:aws:iam::${AWS::AccountId}:role/*
                    Condition: {StringEquals: {iam:PassedToService: ecs-tasks.amazonaws.com}}
        """)
    found = lint_policy(tmp_path, name="t.yaml", raw=template)
    assert [(f.rule, f.line) for f in found] == [("policy-passrole-wildcard", 14)]
    assert "${AWS::AccountId}" in found[0].message


@pytest.mark.parametrize("condition, fires", [
    (None, True),
    ({"StringEquals": {"iam:PassedToService": "ecs-tasks.amazonaws.com"}}, False),
    ({"StringEquals": {"IAM:PASSEDTOSERVICE": ["ecs-tasks.amazonaws.com"]}}, False),
    ({"StringEquals": {"iam:PassedToService": "lambda.amazonaws.com"}}, False),  # scoped, elsewhere
    ({"StringLike": {"iam:PassedToService": "*.amazonaws.com"}}, True),
    ({"StringNotEquals": {"iam:PassedToService": "ec2.amazonaws.com"}}, True),
])
def test_passrole_unscoped_service(tmp_path, condition, fires):
    stmt = {k: v for k, v in PASS.items() if k != "Condition"}
    if condition:
        stmt["Condition"] = condition
    found = lint_policy(tmp_path, REGISTER, stmt)
    assert ("policy-passrole-unscoped-service" in rules(found)) is fires


def test_ecr_resource_wildcard(tmp_path):
    login = {"Effect": "Allow", "Action": "ecr:GetAuthorizationToken", "Resource": "*"}
    push = {"Effect": "Allow", "Action": ["ecr:PutImage", "ecr:UploadLayerPart"],
            "Resource": "arn:aws:ecr:us-east-1:111122223333:repository/app"}
    assert "policy-ecr-resource-wildcard" not in rules(lint_policy(tmp_path, login, push))
    found = lint_policy(tmp_path, login, dict(push, Resource="*"))
    [f] = [f for f in found if f.rule == "policy-ecr-resource-wildcard"]
    assert f.severity == "info" and "ecr:PutImage" in f.message


# ---------------------------------------------------------------------------
# parliament


def test_parliament_duplicate_sid_is_an_error_at_the_second_sid(tmp_path):
    found = lint_policy(tmp_path, dict(REGISTER, Sid="Deploy"), dict(PASS, Sid="Deploy"))
    [f] = [f for f in found if f.rule == "policy-iam-lint"]
    assert f.severity == "error" and "DUPLICATE_SID" in f.message
    assert f.extra["parliament_issue"] == "DUPLICATE_SID" and f.extra["parliament_severity"] == "HIGH"
    assert f.line == line_of(tmp_path / "policy.json", '"Sid"', 2)  # the second statement's


def test_parliament_unknown_action_keeps_its_issue_name_and_location(tmp_path):
    found = lint_policy(tmp_path, REGISTER, PASS, {"Effect": "Allow", "Action": "ecs:UpdateServices",
                                                   "Resource": "*"})
    [f] = [f for f in found if f.rule == "policy-iam-lint"]
    assert "UNKNOWN_ACTION" in f.message and f.severity == "info"
    assert f.line == line_of(tmp_path / "policy.json", "ecs:UpdateServices")


def test_parliament_medium_is_a_warning(tmp_path):
    stmt = {"Effect": "Allow", "Action": "sts:AssumeRole",
            "Resource": "arn:aws:iam::<target-account-id>:role/x"}
    [f] = [f for f in lint_policy(tmp_path, stmt) if f.rule == "policy-iam-lint"]
    assert f.severity == "warning" and "INVALID_ARN" in f.message
    assert f.line == line_of(tmp_path / "policy.json", "<target-account-id>")


def test_resource_star_kept_when_no_rule_of_ours_reports_the_statement(tmp_path):
    found = lint_policy(tmp_path, PASS, dict(REGISTER, Resource="*"))
    assert [f.extra["parliament_issue"] for f in found] == ["RESOURCE_STAR"]


def test_ignore_issues_option_and_turning_the_rule_off(tmp_path):
    stmts = (dict(REGISTER, Sid="A"), dict(PASS, Sid="A"))
    found = lint_policy(tmp_path, *stmts, config="""\
        rules:
          policy-iam-lint: {ignore-issues: [DUPLICATE_SID]}
        """)
    assert found == []
    (tmp_path / ".ecs-lint.yaml").write_text("rules:\n  policy-iam-lint: off\n")
    assert lint_folder(tmp_path) == []


def test_severity_override_applies_to_every_parliament_finding(tmp_path):
    found = lint_policy(tmp_path, dict(REGISTER, Sid="A"), dict(PASS, Sid="A"),
                        config="rules:\n  policy-iam-lint: info\n")
    assert [f.severity for f in found] == ["info"]


@pytest.mark.parametrize("where", ["analyze_policy_string", "policy.Policy.analyze"])
def test_parliament_failure_is_an_info_finding(tmp_path, monkeypatch, where):
    import parliament
    import parliament.policy

    def boom(*a, **k):
        raise RuntimeError("parliament exploded")
    monkeypatch.setattr("parliament." + where, boom)
    monkeypatch.setenv("ECS_LINT_NO_CACHE", "1")  # parliament must run, not its cache
    odd = {"Effect": "Allow", "Action": "ecs:ListClusters", "Resource": "*", "Sid": "café"}
    # a plain policy is given to parliament as a tree, an odd one as text: both fail
    found = lint_policy(tmp_path, REGISTER, PASS, *([odd] if where.startswith("analyze") else []))
    [f] = [f for f in found if f.severity == "info"]
    assert f.rule == "policy-iam-lint" and "exploded" in f.message


def test_template_placeholders_give_parliament_no_false_findings(tmp_path):
    template = textwrap.dedent("""\
        Parameters:
          Repo: {Type: String}
        Resources:
          P:
            Type: AWS::IAM::ManagedPolicy
            Properties:
              PolicyDocument:
                Version: "2012-10-17"
                Statement:
                  - Effect: Allow
                    Action: [ecr:PutImage, ecr:UploadLayerPart]
                    Resource: !Sub arn:aws:ecr:${AWS::Region}:${AWS::AccountId}:repository/${Repo}
                  - Effect: Allow
                    Action: s3:GetObject
                    Resource: !GetAtt Bucket.Arn
                  - !If [IsProd, {Effect: Allow, Action: ecs:RunTask, Resource: "*"}, !Ref AWS::NoValue]
                  - Effect: Allow
                    Action: ecs:UpdateService
                    Resource: "*"
                    Condition: !If [IsProd, {}, {}]
        """)
    found = lint_policy(tmp_path, name="t.yaml", raw=template)
    assert [(f.rule, f.extra.get("parliament_issue"), f.line) for f in found] == [
        ("policy-iam-lint", "RESOURCE_STAR", 19)]


@pytest.mark.parametrize("value", ["var.p", "module.iam.policy_json", "jsonencode(var.p)",
                                   'file("${path.module}/pol.json")'])
def test_a_terraform_policy_known_only_at_apply_time_gets_no_parliament_finding(tmp_path, value):
    (tmp_path / "main.tf").write_text(textwrap.dedent(f"""\
        variable "p" {{}}
        resource "aws_iam_role_policy" "x" {{
          role   = "r"
          policy = {value}
        }}
        """))
    (tmp_path / "pol.json").write_text(json.dumps({"Version": "2012-10-17", "Statement": [PASS]}))
    proc = run_cli("--no-cache", "--format", "json", str(tmp_path / "main.tf"))
    assert json.loads(proc.stdout)["findings"] == [], proc.stdout


def test_get_policy_version_output_locates_into_the_wrapper(tmp_path):
    raw = json.dumps({"PolicyVersion": {"Document": {"Version": "2012-10-17", "Statement": [
        dict(REGISTER, Sid="A"), dict(PASS, Sid="A")]}, "VersionId": "v1"}}, indent=2)
    [f] = lint_policy(tmp_path, raw=raw)
    assert "DUPLICATE_SID" in f.message and f.line == line_of(tmp_path / "policy.json", '"Sid"', 2)


def test_huge_policy_skips_parliament_with_a_note(tmp_path):
    stmts = [dict(REGISTER, Sid=f"S{i}") for i in range(600)] + [PASS]
    found = lint_policy(tmp_path, *stmts)
    assert [f.extra.get("parliament_issue") for f in found] == ["SKIPPED"]


def test_linting_task_definitions_and_services_never_imports_parliament(tmp_path):
    (tmp_path / "td.json").write_text(json.dumps({"family": "a", "containerDefinitions": [
        {"name": "a", "image": "a:1"}]}))
    (tmp_path / "svc.json").write_text(json.dumps({"serviceName": "a", "loadBalancers": []}))
    code = ("import sys; from ecs_lint.cli import main\n"
            "try:\n    main(['.'])\nexcept SystemExit:\n    pass\n"
            "print('PARLIAMENT' if 'parliament' in sys.modules else 'CLEAN')")
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True)
    assert out.stdout.strip().endswith("CLEAN"), out.stdout + out.stderr
    (tmp_path / "p.json").write_text(json.dumps({"Version": "2012-10-17", "Statement": [PASS]}))
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True)
    assert out.stdout.strip().endswith("PARLIAMENT"), out.stdout + out.stderr


def test_pyproject_pins_setuptools_for_pkg_resources():
    from conftest import ROOT
    text = (ROOT / "pyproject.toml").read_text()
    assert '"setuptools<82"' in text and '"parliament>=1.6.4"' in text


POLICY_JUNK = st.recursive(
    st.none() | st.booleans() | st.integers() | st.sampled_from(
        ["*", "ecs:*", "iam:PassRole", "ecs:RegisterTaskDefinition", "arn:aws:iam::1:role/*",
         "Allow", "Deny", "ecs-tasks.amazonaws.com", ""]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.sampled_from(["Effect", "Action", "NotAction", "Resource", "NotResource", "Condition",
                         "Sid", "StringEquals", "iam:PassedToService", "Version"]), inner, max_size=5),
    max_leaves=15)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(POLICY_JUNK, max_size=4))
def test_any_statement_shape_lints_without_internal_errors(tmp_path, statements):
    raw = json.dumps({"Version": "2012-10-17", "Statement": statements})
    (tmp_path / "p.json").write_text(raw)
    found = lint_folder(tmp_path, "p.json")
    assert not [f for f in found if f.rule == "internal-error"], [f.message for f in found]


def test_cli_reports_parliament_issue_in_json_output(tmp_path):
    (tmp_path / "p.json").write_text(json.dumps(
        {"Version": "2012-10-17", "Statement": [dict(REGISTER, Sid="A"), dict(PASS, Sid="A")]}))
    r = run_cli("p.json", "--format", "json", cwd=tmp_path)
    [f] = json.loads(r.stdout)["findings"]
    assert f["extra"]["parliament_issue"] == "DUPLICATE_SID" and "statement_path" not in f["extra"]


PARLIAMENT_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-10**20, 10**20)
    | st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=6) | st.sampled_from(
        ["*", "ecs:*", "iam:PassRole", "ecs:RegisterTaskDefinition", "s3:GetObject", "s3:get*",
         "arn:aws:iam::111122223333:role/app", "arn:aws:s3:::bucket/*", "Allow", "Deny",
         "ecs-tasks.amazonaws.com", "aws:SourceIp", "10.0.0.0/8", "2012-10-17", ""]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
        st.sampled_from(["Effect", "Action", "NotAction", "Resource", "NotResource", "Condition",
                         "Principal", "Sid", "StringEquals", "StringLike", "IpAddress", "Bool",
                         "iam:PassedToService", "aws:SourceIp", "Version"]) | st.text(max_size=4),
        inner, max_size=5),
    max_leaves=20)
STATEMENT = st.fixed_dictionaries(
    {"Effect": st.sampled_from(["Allow", "Deny", "allow", 3])},
    optional={"Action": PARLIAMENT_VALUES, "NotAction": PARLIAMENT_VALUES,
              "Resource": PARLIAMENT_VALUES, "Condition": PARLIAMENT_VALUES,
              "Sid": st.text(max_size=5) | st.integers()})


@settings(max_examples=150, deadline=None)
@given(st.lists(STATEMENT | PARLIAMENT_VALUES, max_size=4),
       st.sampled_from(["2012-10-17", "2008-10-17", None]))
def test_parliament_reads_the_tree_as_it_reads_the_text(statements, version):
    # parliament is given the tree its own parser would build from our text, built in
    # the walk that writes the text; its findings must be exactly those on the text
    from ecs_lint.rules import policy

    plain = {"Statement": statements} if version is None else {"Version": version,
                                                               "Statement": statements}
    direct, direct_failure = policy._run_parliament(plain)
    parsed, parsed_failure = policy._run_parliament(plain, via_text=True)
    assert direct == parsed
    assert (direct_failure is None) == (parsed_failure is None)
    if direct_failure is not None:
        assert direct_failure.message == parsed_failure.message


def test_parliament_tree_has_the_lines_and_columns_of_its_parser():
    import jsoncfg
    from jsoncfg.config_classes import ConfigJSONArray, ConfigJSONObject

    from ecs_lint.rules import policy

    plain = {"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": ["s3:GetObject", "ecs:*"], "Resource": "*", "Condition": {}},
        {"Sid": "x", "NotAction": [], "n": 1, "f": 1.5, "b": True, "z": None, "Resource": []}]}
    text, _, tree = policy._dump(plain, tree=True)

    def nodes(n, path=()):
        yield path, type(n).__name__, tuple(jsoncfg.node_location(n)), \
            None if isinstance(n, (ConfigJSONObject, ConfigJSONArray)) else n.value
        if isinstance(n, ConfigJSONObject):
            for k, v in n:
                yield from nodes(v, path + (k,))
        elif isinstance(n, ConfigJSONArray):
            for i, v in enumerate(n):
                yield from nodes(v, path + (i,))
    assert list(nodes(tree)) == list(nodes(jsoncfg.loads_config(text)))
    # what jsoncfg could read differently is left to it
    for odd in ({"Sid": "caf\u00e9"}, {"Sid": 'a"b'}, {"n": float("nan")}, {1: "x"}):
        assert policy._dump(odd, tree=True)[2] is None


ROLE_WITH_ATTACHED_POLICY = """\
Resources:
  DeployRole:
    Type: AWS::IAM::Role
    Properties:
      RoleName: deploy
      AssumeRolePolicyDocument:
        Statement: [{Effect: Allow, Principal: {Service: ecs-tasks.amazonaws.com}, Action: sts:AssumeRole}]
      Policies:
        - PolicyName: inline
          PolicyDocument:
            Statement: [{Effect: Allow, Action: ecs:RegisterTaskDefinition, Resource: "*"}]
  Pol:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: p
      Roles: [ROLES]
      PolicyDocument:
        Statement:
          - {Effect: Allow, Action: iam:PassRole, Resource: arn:aws:iam::123456789012:role/app,
             Condition: {StringEquals: {"iam:PassedToService": ecs-tasks.amazonaws.com}}}
"""


@pytest.mark.parametrize("roles, fires", [
    ("!Ref DeployRole", False),  # attached by logical id to a role that also has a name
    ("deploy", False),  # attached by the role's name
    ("other", True),  # attached to another role: the deploy role cannot pass
])
def test_passrole_missing_reads_a_roles_policies_together_whichever_way_they_name_it(
        tmp_path, roles, fires):
    (tmp_path / "t.yaml").write_text(ROLE_WITH_ATTACHED_POLICY.replace("ROLES", roles))
    proc = run_cli("--no-cache", "--format", "json", "--select", "policy-passrole-missing",
                   str(tmp_path / "t.yaml"))
    found = [f["rule"] for f in json.loads(proc.stdout)["findings"]]
    assert found == (["policy-passrole-missing"] if fires else []), proc.stdout


@pytest.mark.parametrize("service, reported", [
    ("ecs.amazonaws.com", True),  # the ECS service, not its tasks
    (["ecs.amazonaws.com", "ecs-tasks.amazonaws.com"], False),
    ("ecs-tasks.amazonaws.com", False),
    ("lambda.amazonaws.com", False),  # a statement for another purpose
])
def test_passrole_to_the_ecs_service_instead_of_its_tasks(tmp_path, service, reported):
    stmt = {"Effect": "Allow", "Action": "iam:PassRole",
            "Resource": "arn:aws:iam::123456789012:role/app",
            "Condition": {"StringEquals": {"iam:PassedToService": service}}}
    found = lint_policy(tmp_path, stmt)
    assert ("policy-passrole-unscoped-service" in [f.rule for f in found]) is reported


def test_ecr_push_with_notresource_reaches_every_other_repository(tmp_path):
    found = lint_policy(tmp_path, {
        "Effect": "Allow", "Action": ["ecr:PutImage", "ecr:InitiateLayerUpload"],
        "NotResource": "arn:aws:ecr:us-east-1:123456789012:repository/prod"})
    assert "policy-ecr-resource-wildcard" in [f.rule for f in found]


@pytest.mark.parametrize("taskdef, fires", [
    (None, True),  # no task definition read: which roles are passed is unknown
    ({"family": "app", "containerDefinitions": [{"name": "app", "image": "app:1"}]}, False),
    ({"family": "app", "executionRoleArn": "arn:aws:iam::123456789012:role/exec",
      "containerDefinitions": [{"name": "app", "image": "app:1"}]}, True),
])
def test_passrole_missing_is_silent_when_the_task_definitions_pass_no_role(tmp_path, taskdef,
                                                                           fires):
    if taskdef is not None:
        (tmp_path / "td.json").write_text(json.dumps(taskdef))
    found = rules(lint_policy(tmp_path, REGISTER))
    assert ("policy-passrole-missing" in found) is fires


# --- policy-passrole-missing: the task definitions of the policy's own template

_MODULE_POLICY = """
resource "aws_iam_role_policy" "deploy_{svc}" {{
  name   = "deploy-{svc}"
  role   = "deploy-{svc}"
  policy = jsonencode({{ Version = "2012-10-17", Statement = [
    {{ Effect = "Allow", Action = "ecs:RegisterTaskDefinition", Resource = "*" }},
    {{ Effect = "Allow", Action = "iam:PassRole", Resource = {passed},
      Condition = {{ StringEquals = {{ "iam:PassedToService" = "ecs-tasks.amazonaws.com" }} }} }}
  ] }})
}}
"""
_MODULE_TASKDEF = """
resource "aws_ecs_task_definition" "{svc}" {{
  family                = "{svc}"
  execution_role_arn    = {execution}
  task_role_arn         = {task}
  container_definitions = jsonencode([{{ name = "{svc}", image = "x/{svc}:1.0" }}])
}}
"""


def _passrole_missing(tmp_path, text):
    (tmp_path / "main.tf").write_text(text)
    return [f for f in lint_folder(tmp_path) if f.rule == "policy-passrole-missing"]


def _arn(name, account='"111122223333"'):
    if account.startswith('"'):
        return f'"arn:aws:iam::{account[1:-1]}:role/{name}"'
    return f'"arn:aws:iam::${{{account}}}:role/{name}"'


@pytest.mark.parametrize("account", ['"111122223333"', "var.account_id"])
def test_passrole_missing_names_the_role_of_the_modules_task_definition(tmp_path, account):
    # PassRole reaches the task role only; the module's task definition also
    # names an execution role: registering it fails. Terraform's role
    # references leave the account unknown: the role's name still decides.
    text = _MODULE_POLICY.format(svc="api", passed=_arn("api-task", account)) + \
        _MODULE_TASKDEF.format(svc="api", execution=_arn("api-execution", account),
                               task=_arn("api-task", account))
    found = _passrole_missing(tmp_path, 'variable "account_id" {}\n' + text)
    assert len(found) == 1, found
    assert "role/api-execution" in found[0].message and "executionRoleArn" in found[0].message
    assert found[0].file == "main.tf" and found[0].line == 8  # the PassRole Resource
    # near-miss: both roles passed
    both = f'[{_arn("api-task", account)}, {_arn("api-execution", account)}]'
    text = _MODULE_POLICY.format(svc="api", passed=both) + _MODULE_TASKDEF.format(
        svc="api", execution=_arn("api-execution", account), task=_arn("api-task", account))
    assert not _passrole_missing(tmp_path, 'variable "account_id" {}\n' + text)


def test_passrole_missing_leaves_other_services_task_definitions_alone(tmp_path):
    # one module, two services: each deploy policy passes its own roles; the
    # other service's task definition is not the one it registers
    text = "".join(
        _MODULE_POLICY.format(svc=s, passed=f'[{_arn(s + "-task")}, {_arn(s + "-execution")}]')
        + _MODULE_TASKDEF.format(svc=s, execution=_arn(s + "-execution"), task=_arn(s + "-task"))
        for s in ("api", "worker"))
    assert not _passrole_missing(tmp_path, text)
    # a role named by its name, or only known at deploy time, is not judged
    text = _MODULE_POLICY.format(svc="api", passed=_arn("api-task")) + _MODULE_TASKDEF.format(
        svc="api", execution='"api-execution"', task="data.aws_iam_role.task.arn")
    assert not _passrole_missing(tmp_path, text)


def test_passrole_missing_is_per_template_not_across_loose_files(tmp_path):
    # loose JSON files: no template says the policy registers that task
    # definition (a workflow links them: xref-passrole-not-covered)
    (tmp_path / "policy.json").write_text(json.dumps({"Version": "2012-10-17", "Statement": [
        {"Effect": "Allow", "Action": "ecs:RegisterTaskDefinition", "Resource": "*"},
        {"Effect": "Allow", "Action": "iam:PassRole",
         "Resource": "arn:aws:iam::111122223333:role/api-task"}]}))
    (tmp_path / "taskdef.json").write_text(json.dumps({
        "family": "api", "executionRoleArn": "arn:aws:iam::111122223333:role/api-execution",
        "taskRoleArn": "arn:aws:iam::111122223333:role/api-task",
        "containerDefinitions": [{"name": "api", "image": "x/api:1.0"}]}))
    assert not [f for f in lint_folder(tmp_path) if f.rule == "policy-passrole-missing"]
