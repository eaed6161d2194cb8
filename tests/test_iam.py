"""lint/iam.py: IAM matching and evaluation, the contract the cross-file rules use."""
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ecs_lint.iam import (action_matches, evaluate, evaluate_statements, passrole_resources,
                          pattern_text, policy_statements, resource_matches,
                          statement_actions_match, statements)
from ecs_lint.values import Template, Unknown

ECS_TASKS = {"iam:PassedToService": "ecs-tasks.amazonaws.com"}


def policy(*stmts):
    return {"Version": "2012-10-17", "Statement": list(stmts)}


@pytest.mark.parametrize("pattern, action, expected", [
    ("ecs:Describe*", "ecs:DescribeServices", True),
    ("ECS:describe*", "ecs:DescribeServices", True),  # action names ignore case
    ("ecs:Describe*", "ecs:UpdateService", False),
    ("ecs:*", "ecs:RegisterTaskDefinition", True),
    ("*", "iam:PassRole", True),
    ("iam:Pass?ole", "iam:PassRole", True),
    ("iam:Pass?ole", "iam:PassXXRole", False),
    ("ecs:RegisterTaskDefinition", "ecs:registertaskdefinition", True),
    ("ecs:Register", "ecs:RegisterTaskDefinition", False),  # no implicit prefix match
    ("ec2:*", "ecs:RunTask", False),
])
def test_action_matches(pattern, action, expected):
    assert action_matches(pattern, action) is expected


@pytest.mark.parametrize("pattern, arn, expected", [
    ("arn:aws:iam::123456789012:role/*", "arn:aws:iam::123456789012:role/app", True),
    ("arn:aws:iam::123456789012:role/*", "arn:aws:iam::123456789012:role/path/app", True),
    ("arn:aws:iam::123456789012:role/App", "arn:aws:iam::123456789012:role/app", False),
    ("arn:aws:iam::*:role/app-?", "arn:aws:iam::1:role/app-1", True),
    ("arn:aws:iam::*:role/app-?", "arn:aws:iam::1:role/app-12", False),
    ("arn:aws:s3:::b/${*}", "arn:aws:s3:::b/*", True),  # ${*} is a literal *
    ("arn:aws:s3:::b/${*}", "arn:aws:s3:::b/x", False),
    ("arn:aws:s3:::home/${aws:username}/*", "arn:aws:s3:::home/alice/f", True),
    ("*", "anything", True),
])
def test_resource_matches(pattern, arn, expected):
    assert resource_matches(pattern, arn) is expected


def test_wrong_types_never_match():
    assert not action_matches(None, "ecs:RunTask")
    assert not action_matches(["ecs:*"], "ecs:RunTask")
    assert not resource_matches(3, "arn")


def test_statements_normalises_every_shape():
    single = statements({"Statement": {"Effect": "Allow", "Action": "ecs:RunTask",
                                       "Resource": "*", "Sid": "One"}})
    assert len(single) == 1 and single[0].path == ("Statement",) and single[0].actions == [
        "ecs:RunTask"] and single[0].sid == "One"
    many = statements({"Statement": [None, "x", {"Effect": "Deny", "NotAction": ["iam:*"],
                                                  "NotResource": "arn:aws:iam::1:role/a",
                                                  "Condition": "bad"}]})
    assert len(many) == 1
    s = many[0]
    assert (s.index, s.path, s.deny, s.actions, s.not_actions) == (2, ("Statement", 2), True,
                                                                   None, ["iam:*"])
    assert s.not_resources == ["arn:aws:iam::1:role/a"] and s.conditions == {}
    for junk in (None, "policy", 3, [], {"Statement": "x"}, {"Statement": None}):
        assert statements(junk) == []


def test_explicit_deny_wins_over_allow():
    p = policy({"Effect": "Allow", "Action": "ecs:*", "Resource": "*"},
               {"Effect": "Deny", "Action": "ecs:Register*", "Resource": "*"})
    d = evaluate([p], "ecs:RegisterTaskDefinition")
    assert not d.allowed and d.statement.index == 1 and "denied" in d.reason
    assert evaluate([p], "ecs:UpdateService").allowed


def test_deny_on_part_of_the_resources_leaves_the_rest():
    p = policy({"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::1:role/*"},
               {"Effect": "Deny", "Action": "iam:PassRole", "Resource": "arn:aws:iam::1:role/admin"})
    assert evaluate([p], "iam:PassRole").allowed  # some role can still be passed
    assert not evaluate([p], "iam:PassRole", "arn:aws:iam::1:role/admin").allowed
    assert evaluate([p], "iam:PassRole", "arn:aws:iam::1:role/app").allowed


def test_deny_covering_every_allowed_resource_takes_the_grant_back():
    p = policy({"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::1:role/app-*"},
               {"Effect": "Deny", "Action": "iam:*", "Resource": "arn:aws:iam::1:role/*"})
    assert not evaluate([p], "iam:PassRole").allowed


def test_policies_are_a_union_and_the_statement_names_its_policy():
    a = policy({"Effect": "Allow", "Action": "ecs:RegisterTaskDefinition", "Resource": "*"})
    b = policy({"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::1:role/x"})
    d = evaluate([a, b], "iam:PassRole", "arn:aws:iam::1:role/x")
    assert d.allowed and d.statement.policy == 1
    assert not evaluate([a, b], "iam:PassRole", "arn:aws:iam::1:role/y").allowed
    assert evaluate([a, b], "ecs:RunTask").reason == "no statement allows ecs:RunTask"


def test_not_action_and_not_resource():
    p = policy({"Effect": "Allow", "NotAction": "iam:*", "Resource": "*"})
    assert evaluate([p], "ecs:RunTask").allowed
    assert not evaluate([p], "iam:PassRole").allowed
    q = policy({"Effect": "Allow", "Action": "s3:GetObject", "NotResource": "arn:aws:s3:::secret/*"})
    assert evaluate([q], "s3:GetObject", "arn:aws:s3:::public/a").allowed
    assert not evaluate([q], "s3:GetObject", "arn:aws:s3:::secret/a").allowed
    assert evaluate([q], "s3:GetObject").allowed  # some resource is not excluded


def test_passed_to_service_condition_is_evaluated_from_context():
    p = policy({"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*",
                "Condition": {"StringEquals": {"iam:PassedToService": "lambda.amazonaws.com"}}})
    assert not evaluate([p], "iam:PassRole", None, ECS_TASKS).allowed
    assert evaluate([p], "iam:PassRole", None, {"IAM:passedtoservice": "lambda.amazonaws.com"}).allowed
    # a condition on a key not in the context is assumed satisfiable for an Allow
    assert evaluate([p], "iam:PassRole").allowed
    like = policy({"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*",
                   "Condition": {"StringLike": {"iam:PassedToService": "ecs-tasks.*"}}})
    assert evaluate([like], "iam:PassRole", None, ECS_TASKS).allowed
    negated = policy({"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*",
                      "Condition": {"StringNotEquals": {"iam:PassedToService": "ecs-tasks.amazonaws.com"}}})
    assert not evaluate([negated], "iam:PassRole", None, ECS_TASKS).allowed


def test_conditional_deny_on_an_unknown_key_does_not_count_as_denying():
    p = policy({"Effect": "Allow", "Action": "ecs:*", "Resource": "*"},
               {"Effect": "Deny", "Action": "ecs:*", "Resource": "*",
                "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "false"}}})
    assert evaluate([p], "ecs:UpdateService").allowed
    assert not evaluate([p], "ecs:UpdateService", None,
                        {"aws:MultiFactorAuthPresent": "false"}).allowed


def test_template_holes_are_read_in_the_deploys_favour():
    role = Template(("arn:aws:iam::", Unknown("AWS::AccountId"), ":role/app"))
    p = policy({"Effect": "Allow", "Action": "iam:PassRole", "Resource": role},
               {"Effect": "Deny", "Action": Template((Unknown("Action"),)), "Resource": "*"})
    assert evaluate([p], "iam:PassRole", "arn:aws:iam::123456789012:role/app").allowed
    assert not evaluate([p], "iam:PassRole", "arn:aws:iam::123456789012:role/other").allowed


def test_passrole_resources():
    p = policy({"Effect": "Allow", "Action": ["ecs:*", "iam:PassRole"],
                "Resource": ["arn:aws:iam::1:role/a", Template(("arn:aws:iam::", Unknown("A"), ":role/b"))]},
               {"Effect": "Allow", "Action": "iam:*", "NotResource": "arn:aws:iam::1:role/admin"},
               {"Effect": "Deny", "Action": "iam:PassRole", "Resource": "*"},
               {"Effect": "Allow", "Action": "ecs:RunTask", "Resource": "*"})
    got = [(pattern, s.index) for pattern, s in passrole_resources([p])]
    assert got == [("arn:aws:iam::1:role/a", 0), ("arn:aws:iam::*:role/b", 0), ("*", 1)]


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=8),
                    lambda inner: st.lists(inner, max_size=4)
                    | st.dictionaries(st.sampled_from(["Effect", "Action", "NotAction", "Resource",
                                                       "NotResource", "Condition", "Statement",
                                                       "Sid", "StringEquals", "iam:PassedToService",
                                                       "Allow", "Deny"]), inner, max_size=5),
                    max_leaves=20)


@settings(max_examples=300, deadline=None)
@given(JSON, st.sampled_from([None, "arn:aws:iam::1:role/a"]))
def test_evaluate_never_raises_on_any_shape(data, resource):
    d = evaluate([data, {"Statement": data}], "iam:PassRole", resource, ECS_TASKS)
    assert isinstance(d.allowed, bool)
    passrole_resources([data])
    json.dumps([s.path for s in statements({"Statement": data})])


# a statement reads its Action/NotAction once (a set of exact names, compiled
# wildcards): the answers must be those of `action_matches` on each value

ACTION_VALUES = st.one_of(
    st.text(alphabet="ecsECS:*? Ab", max_size=8),
    st.sampled_from(["ecs:*", "ECS:describe*", " ecs:RunTask ", "iam:Pass?ole", "*", ""]),
    st.builds(lambda a, b: Template((a, Unknown("X"), b)),
              st.text(alphabet="ecs:Ab*", max_size=4), st.text(alphabet="ecs:Ab*", max_size=4)),
    st.none(), st.integers(), st.lists(st.just("ecs:*"), max_size=1))
ACTIONS = st.one_of(st.text(alphabet="ecsECS:*? Ab", max_size=8),
                    st.sampled_from(["ecs:RunTask", "ecs:DescribeServices", "iam:PassRole"]))


def _reference(values, action, optimistic):
    def one(value):
        if isinstance(value, Template):
            if not optimistic:
                return False
            value = pattern_text(value, "*")
        return action_matches(value, action)
    return any(one(v) for v in values)


@settings(max_examples=400, deadline=None)
@given(st.lists(ACTION_VALUES, max_size=4), st.lists(ACTIONS, min_size=1, max_size=4),
       st.booleans())
def test_statement_action_tests_agree_with_action_matches(values, actions, negated):
    key = "NotAction" if negated else "Action"
    [stmt] = statements(policy({"Effect": "Allow", key: values, "Resource": "*"}))
    for action in actions:  # the same statement asked again: its tests are reused
        for optimistic in (True, False):
            got = statement_actions_match(stmt, action, optimistic)
            if negated:
                assert got is (not _reference(values, action, not optimistic))
            else:
                assert got is _reference(values, action, optimistic)


@settings(max_examples=200, deadline=None)
@given(JSON, st.lists(st.sampled_from(["iam:PassRole", "ecs:RunTask", "ecs:Describe*", "x"]),
                      min_size=1, max_size=4),
       st.sampled_from([None, "arn:aws:iam::1:role/a"]))
def test_statements_read_once_answer_like_a_fresh_evaluation(data, actions, resource):
    policies = [data, {"Statement": data}]
    shared = policy_statements(policies)
    for action in actions:
        for context in (None, ECS_TASKS):
            assert evaluate_statements(shared, action, resource, context) == \
                evaluate(policies, action, resource, context)


def test_a_denial_names_the_condition_value_the_request_fails():
    from ecs_lint import iam as I

    policy = {"Version": "2012-10-17", "Statement": [{
        "Sid": "Pass", "Effect": "Allow", "Action": "iam:PassRole",
        "Resource": "arn:aws:iam::1:role/exec",
        "Condition": {"StringEquals": {"iam:PassedToService": "codedeploy.amazonaws.com"}}}]}
    d = I.evaluate([policy], "iam:PassRole", "arn:aws:iam::1:role/exec",
                   {"iam:PassedToService": "ecs-tasks.amazonaws.com"})
    assert not d.allowed
    assert "allows it only when iam:PassedToService is codedeploy.amazonaws.com" in d.reason
    assert "ecs-tasks.amazonaws.com" in d.reason
    # another resource: no statement is close, the plain reason
    d = I.evaluate([policy], "iam:PassRole", "arn:aws:iam::1:role/other",
                   {"iam:PassedToService": "ecs-tasks.amazonaws.com"})
    assert d.reason.startswith("no statement allows")


from hypothesis import given, settings, strategies as st  # noqa: E402

_cond_value = st.one_of(st.none(), st.integers(), st.text(max_size=6),
                        st.lists(st.one_of(st.text(max_size=4), st.integers()), max_size=3))


@settings(max_examples=200, deadline=None)
@given(conditions=st.dictionaries(
    st.sampled_from(["StringEquals", "ForAllValues:StringEquals", "StringLike", "Bool", 3]),
    st.one_of(_cond_value, st.dictionaries(st.sampled_from(["iam:PassedToService", "x", 1]),
                                           _cond_value, max_size=2)), max_size=3),
    context=st.dictionaries(st.sampled_from(["iam:PassedToService", "IAM:PASSEDTOSERVICE"]),
                            _cond_value, max_size=2))
def test_a_denial_reason_for_conditions_of_any_shape(conditions, context):
    from ecs_lint import iam as I

    policy = {"Statement": [{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*",
                             "Condition": conditions}]}
    d = I.evaluate([policy], "iam:PassRole", "arn:aws:iam::1:role/r", context)
    assert isinstance(d.reason, str)


def _getatt(logical_id):
    return Template((Unknown(f"{logical_id}.Arn"),))


def _passrole_stmts(*resources, condition=None):
    from ecs_lint.iam import policy_statements

    st = {"Effect": "Allow", "Action": "iam:PassRole", "Resource": list(resources)}
    if condition:
        st["Condition"] = condition
    return policy_statements([{"Statement": [st]}])


@pytest.mark.parametrize("value, expected", [
    (_getatt("TaskRole1A2B"), "TaskRole1A2B"),
    (Template((Unknown("aws_iam_role.task.arn"),)), "aws_iam_role.task"),
    (Template((Unknown("aws_iam_role.task[0].arn"),)), "aws_iam_role.task[0]"),
    (Template((Unknown("module.roles.task_arn"),)), None),  # another module's: not one role
    (Template(("arn:aws:iam::1:role/", Unknown("x"))), None),
    ("arn:aws:iam::123456789012:role/x", None),
])
def test_generated_role(value, expected):
    from ecs_lint.iam import generated_role

    assert generated_role(value) == expected


@pytest.mark.parametrize("resources, condition, expected", [
    ([_getatt("TaskRole")], None, True),
    ([_getatt("ExecRole"), _getatt("TaskRole")], None, True),
    ([_getatt("ExecRole")], None, False),  # one role each: another ARN
    ([], None, False),
    (["*"], None, None),  # any role: the evaluation of ARNs says
    (["arn:aws:iam::*:role/Stack-*"], None, None),  # a generated name may match it
    ([_getatt("TaskRole")], {"StringEquals": {"iam:PassedToService": "ecs.amazonaws.com"}},
     False),  # not to ECS tasks
])
def test_passes_generated_role(resources, condition, expected):
    from ecs_lint.iam import passes_generated_role

    stmts = _passrole_stmts(*resources, condition=condition) if resources else []
    assert passes_generated_role(stmts, "TaskRole",
                                 {"iam:PassedToService": "ecs-tasks.amazonaws.com"}) is expected


def test_role_arn_probes_read_an_unknown_partition():
    from ecs_lint.iam import role_arn_probes

    value = Template(("arn:", Unknown("AWS::Partition"), ":iam::", Unknown("AWS::AccountId"),
                      ":role/app-task"))
    shown, asked = role_arn_probes(value, _passrole_stmts("arn:aws:iam::123456789012:role/x"))
    assert "arn:aws:iam::123456789012:role/app-task" in asked
    assert all(a.startswith("arn:aws:iam::") for a in asked)


SERVICE = "arn:aws:ecs:eu-west-1:<account>:service/fares-production/api"


@pytest.mark.parametrize("resource, allowed", [
    # ge/08: the role's account is not known, the cluster in the ARN is: a
    # statement on another cluster never admits it, whatever the account
    ("arn:aws:ecs:eu-west-1:111122223333:service/fares-prod/api", False),
    ("arn:aws:ecs:eu-west-1:111122223333:service/fares-production/api", True),
    ("arn:aws:ecs:eu-west-1:*:service/fares-production/*", True),
    ("arn:aws:ecs:*:*:service/*", True),
    ("*", True),
    ("arn:aws:ecs:us-east-1:111122223333:service/fares-production/api", False),
    (Template(("arn:aws:ecs:eu-west-1:", Unknown("AWS::AccountId"),
               ":service/fares-production/api")), True),
    (Template(("arn:aws:ecs:eu-west-1:", Unknown("AWS::AccountId"),
               ":service/fares-prod/api")), False),
])
def test_an_unknown_account_is_the_one_an_allow_names(resource, allowed):
    pol = policy({"Effect": "Allow", "Action": "ecs:UpdateService", "Resource": resource})
    assert evaluate([pol], "ecs:UpdateService", SERVICE).allowed is allowed


@pytest.mark.parametrize("resource, denied", [
    ("arn:aws:ecs:eu-west-1:111122223333:service/fares-production/api", False),  # maybe not ours
    ("arn:aws:ecs:eu-west-1:*:service/fares-production/*", True),
    ("*", True),
])
def test_an_unknown_account_is_none_a_deny_names(resource, denied):
    pol = policy({"Effect": "Allow", "Action": "ecs:*", "Resource": "*"},
                 {"Effect": "Deny", "Action": "ecs:UpdateService", "Resource": resource})
    assert evaluate([pol], "ecs:UpdateService", SERVICE).allowed is not denied


@pytest.mark.parametrize("op, cluster, allowed", [
    ("ArnEquals", "arn:aws:ecs:eu-west-1:111122223333:cluster/fares-production", True),
    ("ArnEquals", "arn:aws:ecs:eu-west-1:111122223333:cluster/fares-prod", False),
    ("ArnLike", "arn:aws:ecs:*:*:cluster/fares-*", True),
    ("StringEquals", "arn:aws:ecs:eu-west-1:111122223333:cluster/fares-production", True),
    ("StringEquals", "arn:aws:ecs:eu-west-1:111122223333:cluster/other", False),
])
def test_a_cluster_condition_with_an_unknown_account(op, cluster, allowed):
    pol = policy({"Effect": "Allow", "Action": "ecs:UpdateService", "Resource": "*",
                  "Condition": {op: {"ecs:cluster": cluster}}})
    context = {"ecs:cluster": "arn:aws:ecs:eu-west-1:<account>:cluster/fares-production"}
    assert evaluate([pol], "ecs:UpdateService", SERVICE, context).allowed is allowed


@pytest.mark.parametrize("action, key, allowed", [
    # ht/06: the login is authorized on no resource: no resource tag in its request
    ("ecr:GetAuthorizationToken", "aws:ResourceTag/team", False),
    ("ecr:GetAuthorizationToken", "ecr:ResourceTag/team", False),
    ("ecr:GetAuthorizationToken", "aws:PrincipalTag/team", True),  # the role's: unknown
    ("ecs:UpdateService", "aws:ResourceTag/team", True),  # the service's tags: unknown
])
def test_resource_tags_of_actions_without_a_resource(action, key, allowed):
    policy = {"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Action": action, "Resource": "*",
        "Condition": {"StringEquals": {key: "billing"}}}]}
    assert evaluate([policy], action, None).allowed is allowed


@pytest.mark.parametrize("account, allowed", [
    ("111111111111", True),   # the role's own repository
    ("222222222222", False),  # hz/09: another account's: the variable is the role's
])
def test_the_principal_account_variable_in_a_resource(account, allowed):
    policy = {"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Action": "ecr:PutImage",
        "Resource": "arn:aws:ecr:eu-west-2:${aws:PrincipalAccount}:repository/app"}]}
    arn = f"arn:aws:ecr:eu-west-2:{account}:repository/app"
    assert evaluate([policy], "ecr:PutImage", arn,
                    {"aws:PrincipalAccount": "111111111111"}).allowed is allowed
    assert evaluate([policy], "ecr:PutImage", arn).allowed  # not known: some value


def test_the_condition_value_is_named_for_a_template_arn_too():
    # je/09: Terraform's `aws_iam_role.x.arn` is an ARN whose account is not known
    # here; the statement may match it, so its unmet condition is what to say
    from ecs_lint import iam as I
    from ecs_lint.values import Template, Unknown

    arn = Template(("arn:aws:iam::", Unknown("account"), ":role/exec"))
    stmts = I.policy_statements([{"Version": "2012-10-17", "Statement": [{
        "Effect": "Allow", "Action": "iam:PassRole", "Resource": [arn],
        "Condition": {"StringEquals": {"iam:PassedToService": "ecs.amazonaws.com"}}}]}])
    d = I.evaluate_statements(stmts, "iam:PassRole", "arn:aws:iam::1:role/exec",
                              {"iam:PassedToService": "ecs-tasks.amazonaws.com"})
    assert not d.allowed and "only when iam:PassedToService is ecs.amazonaws.com" in d.reason
    d = I.evaluate_statements(stmts, "iam:PassRole", "arn:aws:iam::1:role/other",
                              {"iam:PassedToService": "ecs-tasks.amazonaws.com"})
    assert d.reason.startswith("no statement allows")
